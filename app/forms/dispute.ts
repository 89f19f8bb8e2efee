import { z } from 'zod'
import { hasNoNul, msg } from '~/forms/fields'

export const DISPUTE_MIN = 10
export const DISPUTE_MAX = 2000
export const DECISION_MAX = 2000

/** Free text: trimmed, required, between `min` and `max` characters, no NUL. */
function reason(min: number, max: number) {
  return z
    .string({ required_error: msg('errors.required') })
    .trim()
    .min(1, msg('errors.required'))
    .min(min, msg('errors.tooShort', { min }))
    .max(max, msg('errors.tooLong', { max }))
    .refine(hasNoNul, msg('errors.invalidCharacters'))
}

/** A resident's dispute of "solved" on the challenge page. */
export const DisputeSchema = z.object({ body: reason(DISPUTE_MIN, DISPUTE_MAX) })

/**
 * A moderator's decision on one dispute (triage page). The note is required both ways: on
 * uphold it is the public status message of the reopening, on reject it is shown to the disputer.
 */
export const DisputeDecisionSchema = z.object({
  disputeId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  decision: z.enum(['uphold', 'reject'], { errorMap: () => ({ message: msg('errors.choose') }) }),
  note: reason(1, DECISION_MAX),
  version: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
})
