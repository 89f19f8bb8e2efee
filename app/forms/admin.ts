import { z } from 'zod'
import { markdown } from '~/forms/challenge'
import { email, hasNoNul, line, msg } from '~/forms/fields'
import { ORGANISATION_KINDS } from '~/forms/organisation'
import { roundCoordinate, type Bounds } from '~/models/place'
import { ROLES } from '~/utils/policy'

export const TAXONOMY_TYPES = ['category', 'area'] as const
export const TAXONOMY_NAME_MAX = 60
export const TEMPLATE_NAME_MAX = 80
export const TEMPLATE_BODY_MAX = 2000
export const BOARD_NAME_MAX = 80
export const TOWN_NAME_MAX = 60
export const ADMIN_QUERY_MAX = 100
export const AUTO_HIDE_RANGE = { min: 1, max: 50 } as const
export const SLA_DAYS_RANGE = { min: 1, max: 365 } as const
export const FIXED_QUESTION_DAYS_RANGE = { min: 1, max: 365 } as const
/** Sign-ups per 24 hours (README, Operations): from one evening's room to a city's network. */
export const SIGNUP_LIMIT_RANGE = { min: 1, max: 10_000 } as const
/** The moderation settings typed as whole numbers, with their ranges, in the form's order. */
export const MODERATION_NUMBER_SETTINGS = [
  { name: 'autoHideThreshold', range: AUTO_HIDE_RANGE },
  { name: 'slaDays', range: SLA_DAYS_RANGE },
  { name: 'fixedQuestionDays', range: FIXED_QUESTION_DAYS_RANGE },
] as const
export const SIGNUP_LIMIT_SETTINGS = [
  'signupsPendingPerAddress',
  'signupsPendingPerNetwork',
  'signupsPerAddressPerDay',
] as const

/**
 * A row id as the page wrote it: digits only, so "0x10", "1e3" or " 7" name nothing. The routes
 * answer 404 when this field fails, as for an id that names no row.
 */
const recordId = z
  .string({ required_error: msg('errors.required'), invalid_type_error: msg('errors.invalid') })
  .regex(/^[1-9][0-9]{0,15}$/, msg('errors.invalid'))
  .transform(Number)
  .refine(Number.isSafeInteger, msg('errors.invalid'))

/** An id picked from a list: the same rule, with the message for a missing choice. */
const choice = z
  .string({ required_error: msg('errors.choose'), invalid_type_error: msg('errors.choose') })
  .regex(/^[1-9][0-9]{0,15}$/, msg('errors.choose'))
  .transform(Number)
  .refine(Number.isSafeInteger, msg('errors.choose'))

const taxonomyType = z.enum(TAXONOMY_TYPES, { message: msg('errors.invalid') })
const taxonomyName = line(TAXONOMY_NAME_MAX)

export const AddTaxonomySchema = z.object({
  intent: z.literal('add'),
  type: taxonomyType,
  nameSv: taxonomyName,
  nameEn: taxonomyName,
})

export const RenameTaxonomySchema = z.object({
  intent: z.literal('rename'),
  type: taxonomyType,
  id: recordId,
  nameSv: taxonomyName,
  nameEn: taxonomyName,
})

export const ArchiveTaxonomySchema = z.object({
  intent: z.enum(['archive', 'unarchive']),
  type: taxonomyType,
  id: recordId,
})

export const VerifyOrganisationSchema = z.object({
  intent: z.enum(['verify', 'unverify']),
  id: recordId,
})

export const MergeOrganisationsSchema = z
  .object({ intent: z.literal('merge'), fromId: choice, intoId: choice })
  .refine((v) => v.fromId !== v.intoId, {
    path: ['intoId'],
    message: msg('admin.organisations.mergeSelf'),
  })

/** The organisation list's query string; values outside the allowlist are refused (400). */
export const OrganisationQuerySchema = z.object({
  q: z.string().trim().max(ADMIN_QUERY_MAX).refine(hasNoNul).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
})

export const UserRoleSchema = z.object({
  intent: z.literal('role'),
  id: recordId,
  role: z.enum(ROLES, { message: msg('errors.choose') }),
})

/** The user list's query string. */
export const UserQuerySchema = z.object({
  q: z.string().trim().max(ADMIN_QUERY_MAX).refine(hasNoNul).optional(),
  role: z.enum(ROLES).optional(),
})

/** A whole number in a range; the message names the range in either language. */
function wholeNumber({ min, max }: { min: number; max: number }) {
  const range = msg('admin.errors.range', { min, max })
  return z
    .number({ required_error: msg('errors.required'), invalid_type_error: range })
    .int(range)
    .min(min, range)
    .max(max, range)
}

/**
 * Degrees of latitude (limit 90) or longitude (180) in WGS 84, typed with a decimal point or a
 * Swedish decimal comma, kept to four decimals like every coordinate (place.ts).
 */
function degrees(limit: 90 | 180) {
  const range = msg(limit === 90 ? 'admin.errors.latitude' : 'admin.errors.longitude')
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().replace(/^[−–]/, '-').replace(',', '.') : v),
    z
      .number({ required_error: msg('errors.required'), invalid_type_error: range })
      .min(-limit, range)
      .max(limit, range)
      .transform(roundCoordinate),
  )
}

export const BOUNDS_SETTINGS = ['boundsSouth', 'boundsWest', 'boundsNorth', 'boundsEast'] as const

/**
 * What is wrong with a bounding box, by field: north must lie north of south and east east of
 * west (a town never straddles the 180th meridian). Empty when it is a box.
 */
export function boundsErrors(
  bounds: Bounds,
): Partial<Record<'boundsNorth' | 'boundsEast', string[]>> {
  return {
    ...(bounds.north <= bounds.south && { boundsNorth: [msg('admin.errors.northOfSouth')] }),
    ...(bounds.east <= bounds.west && { boundsEast: [msg('admin.errors.eastOfWest')] }),
  }
}

/** Every setting on one form. An unticked checkbox is not sent: it means "off". */
export const SettingsSchema = z.object({
  preModeration: z.boolean().default(false),
  quarantineNewAccounts: z.boolean().default(false),
  autoHideThreshold: wholeNumber(AUTO_HIDE_RANGE),
  slaDays: wholeNumber(SLA_DAYS_RANGE),
  fixedQuestionDays: wholeNumber(FIXED_QUESTION_DAYS_RANGE),
  // Left out (a form from before these existed, a script), a sign-up limit keeps its value.
  signupsPendingPerAddress: wholeNumber(SIGNUP_LIMIT_RANGE).optional(),
  signupsPendingPerNetwork: wholeNumber(SIGNUP_LIMIT_RANGE).optional(),
  signupsPerAddressPerDay: wholeNumber(SIGNUP_LIMIT_RANGE).optional(),
  boardName: line(BOARD_NAME_MAX),
  townName: line(TOWN_NAME_MAX),
  contactEmail: email,
  // Like the sign-up limits, a bound left out keeps its value; the action checks the box the
  // stored and the sent bounds make together.
  boundsSouth: degrees(90).optional(),
  boundsWest: degrees(180).optional(),
  boundsNorth: degrees(90).optional(),
  boundsEast: degrees(180).optional(),
})

// Browsers count a newline as one character against maxlength but send CRLF: normalise first,
// so a text the browser accepted is not refused for its line endings.
const body = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
  markdown(TEMPLATE_BODY_MAX),
)

export const AddTemplateSchema = z.object({
  intent: z.literal('add'),
  name: line(TEMPLATE_NAME_MAX),
  bodySv: body,
  bodyEn: body,
})

export const EditTemplateSchema = z.object({
  intent: z.literal('edit'),
  id: recordId,
  name: line(TEMPLATE_NAME_MAX),
  bodySv: body,
  bodyEn: body,
})

export const ArchiveTemplateSchema = z.object({
  intent: z.enum(['archive', 'unarchive']),
  id: recordId,
})

/** Reads a GET query into a schema; a repeated parameter makes it invalid, empty means "any". */
export function parseAdminQuery<Schema extends z.AnyZodObject>(schema: Schema, url: URL) {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(schema.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v.trim() !== '')
    if (values.length > 1) return { success: false as const }
    if (values[0] !== undefined) raw[key] = values[0]
  }
  return schema.safeParse(raw) as z.SafeParseReturnType<unknown, z.infer<Schema>>
}
