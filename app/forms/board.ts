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

/** The board's views: the list, or the map beside a list of the same challenges. */
export const BOARD_VIEWS = ['list', 'map'] as const
export type BoardView = (typeof BOARD_VIEWS)[number]

/**
 * `view` is the board page's own parameter (the API and the feed never see it); a repeated or
 * unknown value is refused like any other, null.
 */
export function parseBoardView(url: URL): BoardView | null {
  const values = url.searchParams.getAll('view').filter((v) => v !== '')
  if (values.length === 0) return 'list'
  if (values.length > 1) return null
  return (BOARD_VIEWS as readonly string[]).includes(values[0]!) ? (values[0] as BoardView) : null
}
