import { z } from 'zod'
import { POSTER_KINDS, PUBLIC_STATUSES, SORTS } from '~/models/challenge-constants'

/**
 * The board's query string. Values outside the allowlists are refused (400), never passed on;
 * empty values mean "any".
 */
export const BoardQuerySchema = z.object({
  q: z.string().max(200).optional(),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  area: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
  status: z.enum(PUBLIC_STATUSES).optional(),
  by: z.enum(POSTER_KINDS).optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
})

export type BoardParams = z.infer<typeof BoardQuerySchema>

/** Reads the query string; a repeated or unknown-valued parameter makes it invalid. */
export function parseBoardQuery(url: URL) {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(BoardQuerySchema.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '')
    if (values.length > 1) return { success: false as const }
    if (values[0] !== undefined) raw[key] = values[0].trim().slice(0, key === 'q' ? 200 : 100)
  }
  return BoardQuerySchema.safeParse(raw)
}
