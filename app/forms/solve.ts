import { z } from 'zod'
import { hasNoNul, msg } from '~/forms/fields'
import { DISPUTE_MAX } from '~/forms/dispute'

/** A solved-by choice: an organisation or a person, as the solve form's checkboxes send them. */
export const SOLVER_KEY = /^(org|user):[1-9][0-9]{0,15}$/
/** More checkboxes than any challenge has candidates: a bigger list is not a real form. */
const MAX_SOLVERS = 200

/**
 * "Mark as solved" with who solved it. Unticked checkboxes are not sent, so no `solvers` with
 * `chosen` present means "nobody here"; a post without `chosen` (not from the form) gets the
 * default credit, the preselected candidates. A value that is not a candidate key is refused
 * on the field, like a key naming someone who did not take part (checked by the action).
 */
export const SolveSchema = z.object({
  chosen: z.literal('1').optional(),
  solvers: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .max(MAX_SOLVERS, msg('challenge.solve.notCandidate'))
      .refine((keys) => keys.every((k) => SOLVER_KEY.test(k)), msg('challenge.solve.notCandidate'))
      .transform((keys) => [...new Set(keys)]),
  ),
})

export const FIXED_ANSWERS = ['fixed', 'not_fixed'] as const
export type FixedAnswer = (typeof FIXED_ANSWERS)[number]

/**
 * An answer to "is it fixed?", from the challenge page or the link in the mail. The note is
 * read only from the challenge's author answering "not fixed": it becomes their dispute.
 */
export const FixedAnswerSchema = z.object({
  answer: z.enum(FIXED_ANSWERS, { errorMap: () => ({ message: msg('errors.choose') }) }),
  note: z
    .string()
    .trim()
    .max(DISPUTE_MAX, msg('errors.tooLong', { max: DISPUTE_MAX }))
    .refine(hasNoNul, msg('errors.invalidCharacters'))
    .optional(),
})
