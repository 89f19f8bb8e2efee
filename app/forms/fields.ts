import { z } from 'zod'

/**
 * Error messages are translation keys; a limit travels as a query string
 * ("errors.tooLong?max=80") so the message can name it in the user's language.
 */
export const msg = (key: string, params?: Record<string, string | number>) =>
  params ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : key

// Control characters, bidi overrides and lone surrogates have no place in a name or title.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g

/** A one-line text: trimmed, required, visible characters only, at most `max` long. */
export function line(max: number, min = 1) {
  return z
    .string({ required_error: msg('errors.required') })
    .trim()
    .refine((v) => !/[\r\n]/.test(v) && !FORBIDDEN.test(v), msg('errors.invalidCharacters'))
    .refine((v) => v.replace(INVISIBLE, '').length >= min, min > 1 ? msg('errors.tooShort', { min }) : msg('errors.required'))
    .refine((v) => v.length <= max, msg('errors.tooLong', { max }))
}

export const email = z
  .string({ required_error: msg('errors.required') })
  .trim()
  .max(254, msg('errors.tooLong', { max: 254 }))
  .email(msg('errors.email'))
  .transform((v) => v.toLowerCase())
