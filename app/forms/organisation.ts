import { z } from 'zod'
import { msg } from '~/forms/fields'

export const ORGANISATION_KINDS = ['business', 'association', 'municipality'] as const
export const ORGANISATION_DESCRIPTION_MAX = 2000
export const ORGANISATION_WEBSITE_MAX = 300
export const DIRECTORY_QUERY_MAX = 100

// Multi-line plain text: tabs and newlines are fine; other control characters, bidi overrides,
// lone surrogates and U+FFFD (what invalid UTF-8 becomes) are not.
const FORBIDDEN_IN_TEXT =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** An absolute http(s) URL with a host and no credentials; nothing else is ever linked. */
export function isWebsiteUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      !url.username &&
      !url.password
    )
  } catch {
    return false
  }
}

// Browsers count a newline as one character against maxlength but send CRLF: normalise first,
// so a text the browser accepted is not refused for its line endings.
const description = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : v),
  z
    .string()
    .trim()
    .max(ORGANISATION_DESCRIPTION_MAX, msg('errors.tooLong', { max: ORGANISATION_DESCRIPTION_MAX }))
    .refine((v) => !FORBIDDEN_IN_TEXT.test(v), msg('errors.invalidCharacters')),
)

const website = z
  .string()
  .trim()
  .max(ORGANISATION_WEBSITE_MAX, msg('errors.tooLong', { max: ORGANISATION_WEBSITE_MAX }))
  .refine((v) => v === '' || isWebsiteUrl(v), msg('organisation.websiteInvalid'))

/** The owner's edit form. Conform sends an emptied field as undefined: both may be cleared. */
export const OrganisationProfileSchema = z.object({
  intent: z.literal('profile'),
  description: description.optional(),
  website: website.optional(),
})

/** Approve or decline one pending join request; the user is named by id. */
export const JoinRequestSchema = z.object({
  intent: z.enum(['approve', 'decline']),
  userId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
})

/** The directory's query string; values outside the allowlist are refused (400). */
export const DirectoryQuerySchema = z.object({
  q: z.string().max(DIRECTORY_QUERY_MAX).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
})

export type DirectoryParams = z.infer<typeof DirectoryQuerySchema>

/** Reads /organisations' query string; a repeated parameter makes it invalid, empty means "any". */
export function parseDirectoryQuery(url: URL) {
  const raw: Record<string, string> = {}
  for (const key of Object.keys(DirectoryQuerySchema.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v.trim() !== '')
    if (values.length > 1) return { success: false as const }
    if (values[0] !== undefined) {
      raw[key] = values[0].trim().slice(0, key === 'q' ? DIRECTORY_QUERY_MAX : 20)
    }
  }
  return DirectoryQuerySchema.safeParse(raw)
}

/** Organisation slugs as slugify() makes them; anything else cannot name an organisation. */
export function isSlug(value: string | undefined): value is string {
  return value !== undefined && /^[a-z0-9][a-z0-9-]{0,79}$/.test(value)
}
