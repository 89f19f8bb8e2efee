import { z } from 'zod'
import { hasNoNul, msg } from '~/forms/fields'
import { FLAG_SUBJECTS } from '~/models/flag-reasons'
import {
  BULK_ACTIONS,
  HELD_TYPES,
  HIDE_REASONS,
  MODERATOR_STATUSES,
  PRIORITIES,
} from '~/models/moderation-constants'

const id = z.coerce
  .number({ invalid_type_error: msg('errors.choose') })
  .int()
  .positive()
  .max(Number.MAX_SAFE_INTEGER)
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), id.optional())
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(max, msg('errors.tooLong', { max }))
      .refine(hasNoNul, msg('errors.invalidCharacters'))
      .optional(),
  )

export const TriageSchema = z.object({
  version: z.coerce.number().int().min(0),
  status: z.enum(MODERATOR_STATUSES, { errorMap: () => ({ message: msg('errors.choose') }) }),
  message: text(2000),
  templateId: optionalId,
  departmentId: optionalId,
  contactUserId: optionalId,
  priority: z.enum(PRIORITIES, { errorMap: () => ({ message: msg('errors.choose') }) }),
  categoryId: id,
  areaId: id,
})

export const NoteSchema = z.object({
  body: z
    .string({ required_error: msg('errors.required') })
    .trim()
    .min(1, msg('errors.required'))
    .max(5000, msg('errors.tooLong', { max: 5000 }))
    .refine(hasNoNul, msg('errors.invalidCharacters')),
})

export const HideSchema = z.object({
  subjectType: z.enum(FLAG_SUBJECTS),
  subjectId: id,
  reason: z.enum(HIDE_REASONS, { errorMap: () => ({ message: msg('errors.choose') }) }),
})

export const RestoreSchema = z.object({
  subjectType: z.enum(FLAG_SUBJECTS),
  subjectId: id,
})

/** A moderator's decision on a post that flags hid by themselves. */
export const AutoHiddenSchema = z.object({
  subjectType: z.enum(FLAG_SUBJECTS),
  subjectId: id,
  decision: z.enum(['confirm', 'restore'], {
    errorMap: () => ({ message: msg('errors.choose') }),
  }),
})

/** A moderator's decision on a comment or proposal held by quarantine. */
export const HeldDecisionSchema = z.object({
  subjectType: z.enum(HELD_TYPES),
  subjectId: id,
  decision: z.enum(['approve', 'reject'], {
    errorMap: () => ({ message: msg('errors.choose') }),
  }),
  reason: z.enum(HIDE_REASONS, { errorMap: () => ({ message: msg('errors.choose') }) }).optional(),
})

export const MergeSchema = z.object({ intoId: id })

export const BanSchema = z.object({
  userId: id,
  days: z.coerce.number().int().min(1, msg('errors.choose')).max(3650, msg('errors.choose')),
  reason: z
    .string({ required_error: msg('errors.required') })
    .trim()
    .min(1, msg('errors.required'))
    .max(500, msg('errors.tooLong', { max: 500 })),
})

export const BulkSchema = z.object({
  ids: z.array(id).min(1, msg('moderation.chooseSome')).max(200),
  action: z.enum(BULK_ACTIONS, { errorMap: () => ({ message: msg('errors.choose') }) }),
  reason: z.enum(HIDE_REASONS).optional(),
  status: z.enum(MODERATOR_STATUSES).optional(),
  departmentId: optionalId,
  templateId: optionalId,
  message: text(2000),
})

/** A moderator's answer to an appeal against hiding: restore or not, with an optional note. */
export const AppealDecisionSchema = z.object({
  appealId: id,
  restore: z.enum(['yes', 'no'], { errorMap: () => ({ message: msg('errors.choose') }) }),
  note: text(1000),
})

/** Lifting a ban: the user is a hidden field, never typed. */
export const UnbanSchema = z.object({
  userId: z.coerce
    .number({ required_error: msg('errors.invalid'), invalid_type_error: msg('errors.invalid') })
    .int(msg('errors.invalid'))
    .positive(msg('errors.invalid'))
    .max(Number.MAX_SAFE_INTEGER, msg('errors.invalid')),
})
