import { z } from 'zod'
import {
  COMMENT_MAX,
  DESCRIPTION_MAX,
  PLAN_MAX,
  SOLUTION_MAX,
  TITLE_MAX,
  TITLE_MIN,
} from '~/models/challenge-constants'
import { hasNoNul, line, msg } from '~/forms/fields'
import { FLAG_REASONS, FLAG_SUBJECTS } from '~/models/flag-reasons'
import { PLACE_TEXT_MAX } from '~/models/place'

/** Markdown text: required, with a limit the message names. */
export function markdown(max: number) {
  return z
    .string({ required_error: msg('errors.required') })
    .trim()
    .min(1, msg('errors.required'))
    .max(max, msg('errors.tooLong', { max }))
    .refine(hasNoNul, msg('errors.invalidCharacters'))
}

const id = z.coerce
  .number({ required_error: msg('errors.choose'), invalid_type_error: msg('errors.choose') })
  .int(msg('errors.choose'))
  .positive(msg('errors.choose'))
  .max(Number.MAX_SAFE_INTEGER, msg('errors.choose'))

const optionalId = z.preprocess((v) => (v === '' || v === 'none' ? undefined : v), id.optional())

/** A coordinate typed or filled in by the map: a decimal number (a comma works too). */
function coordinate(limit: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().replace(',', '.')) : v),
    z.coerce
      .number({ invalid_type_error: msg('place.errors.coordinate') })
      .finite(msg('place.errors.coordinate'))
      .min(-limit, msg('place.errors.coordinate'))
      .max(limit, msg('place.errors.coordinate'))
      .optional(),
  )
}

/** The place: optional words and optional coordinates, both or neither of lat and lng. */
const place = {
  placeText: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    line(PLACE_TEXT_MAX).optional(),
  ),
  lat: coordinate(90),
  lng: coordinate(180),
}

const challengeFields = {
  title: line(TITLE_MAX, TITLE_MIN),
  description: markdown(DESCRIPTION_MAX),
  categoryId: id,
  areaId: id,
  organisationId: optionalId,
}

/** Editing a challenge (its text, category and district). */
export const ChallengeSchema = z.object({
  intent: z.enum(['preview', 'post', 'save']).default('post'),
  ...challengeFields,
})

/** A new challenge: its text, its place, and (read apart, see photo-form.server) its photos. */
export const NewChallengeSchema = z
  .object({
    intent: z.enum(['preview', 'post']).default('post'),
    ...challengeFields,
    ...place,
  })
  .superRefine((value, ctx) => {
    if ((value.lat === undefined) !== (value.lng === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.lat === undefined ? 'lat' : 'lng'],
        message: msg('place.errors.both'),
      })
    }
  })

export const SolutionSchema = z.object({
  body: markdown(SOLUTION_MAX),
  organisationId: optionalId,
})

export const PledgeSchema = z.object({
  plan: markdown(PLAN_MAX),
  organisationId: optionalId,
})

export const ProgressSchema = z.object({ pledgeId: id, body: markdown(PLAN_MAX) })

export const CommentSchema = z.object({
  body: markdown(COMMENT_MAX),
  parentId: optionalId,
  solutionId: optionalId,
})

export const EditCommentSchema = z.object({ commentId: id, body: markdown(COMMENT_MAX) })

export const FlagSchema = z.object({
  subjectType: z.enum(FLAG_SUBJECTS),
  subjectId: id,
  reason: z.enum(FLAG_REASONS, { errorMap: () => ({ message: msg('errors.choose') }) }),
  note: z
    .string()
    .trim()
    .max(500, msg('errors.tooLong', { max: 500 }))
    .optional(),
})

export const TargetSchema = z.object({ targetId: id })

export const CloseSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, msg('errors.tooLong', { max: 500 }))
    .optional(),
})

/** A route parameter that must be a plain positive integer id ("1e3", "0x10", "1 OR 1=1" are not). */
export function parseId(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) return null
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : null
}

export const AppealSchema = z.object({
  subjectType: z.enum(FLAG_SUBJECTS),
  subjectId: id,
  body: markdown(2000),
})

export const OfficialResponseSchema = z.object({ body: markdown(5000) })
