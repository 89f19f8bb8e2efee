import { z } from 'zod'

/** ?page= of the "my things" lists: absent means 1; anything but one whole number 1…1000 is a 400. */
export function parseMyPage(url: URL): number | null {
  const values = url.searchParams.getAll('page')
  if (values.length === 0) return 1
  if (values.length > 1 || !/^[1-9][0-9]{0,3}$/.test(values[0]!)) return null
  const page = Number(values[0])
  return page <= 1000 ? page : null
}

const id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER)

/** Unfollow from /me/following, and follow again from its "undo" notice. */
export const FollowListSchema = z.object({
  intent: z.enum(['unfollow', 'follow']),
  challengeId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .pipe(id),
  page: z.coerce.number().int().min(1).max(1000).optional(),
})
