import { z } from 'zod'

/**
 * Error messages are translation keys; a limit travels as a query string
 * ("errors.tooLong?max=80") so the message can name it in the user's language.
 */
export const msg = (key: string, params?: Record<string, string | number>) =>
  params
    ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`
    : key

// Control characters, bidi overrides, lone surrogates and U+FFFD (what invalid UTF-8 and lone
// surrogates become on the way in) have no place in a name or title.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g

/** No free text may carry a NUL: PostgreSQL refuses it in text columns, and no form needs one. */
export const hasNoNul = (value: string) => !value.includes('\u0000')

/** A one-line text: trimmed, required, visible characters only, between `min` and `max` long. */
export function line(max: number, min = 1) {
  return z
    .string({ required_error: msg('errors.required') })
    .trim()
    .superRefine((value, ctx) => {
      const fail = (message: string) => ctx.addIssue({ code: 'custom', message })
      const visible = value.replace(INVISIBLE, '').length
      if (visible === 0) return fail(msg('errors.required'))
      if (/[\r\n]/.test(value) || FORBIDDEN.test(value))
        return fail(msg('errors.invalidCharacters'))
      if (visible < min) return fail(msg('errors.tooShort', { min }))
      if (value.length > max) return fail(msg('errors.tooLong', { max }))
    })
}
export const email = z
  .string({ required_error: msg('errors.required') })
  .trim()
  .max(254, msg('errors.tooLong', { max: 254 }))
  .email(msg('errors.email'))
  .transform((v) => v.toLowerCase())

/** A form that is only a button: nothing to read beyond its intent. */
export const ButtonSchema = z.object({})
