import { z } from 'zod'

/** The groups of /outcomes, in the order of its tabs. */
export const OUTCOME_GROUPS = ['solved', 'in_progress', 'closed'] as const
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]

export const OutcomesQuerySchema = z.object({
  show: z.enum(OUTCOME_GROUPS).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
})

/** Reads /outcomes' query: a repeated or unknown value makes it invalid (400), like the board. */
export function parseOutcomesQuery(url: URL) {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(OutcomesQuerySchema.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '')
    if (values.length > 1) return { success: false as const }
    if (values[0] !== undefined) raw[key] = values[0].trim().slice(0, 20)
  }
  return OutcomesQuerySchema.safeParse(raw)
}
