import { z } from 'zod'
import { COMMON_PASSWORDS } from '~/forms/common-passwords'
import { email, line, msg } from '~/forms/fields'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 1024

const newPassword = z
  .string({ required_error: msg('errors.required') })
  .min(PASSWORD_MIN, msg('errors.passwordShort', { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, msg('errors.tooLong', { max: PASSWORD_MAX }))
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), msg('errors.passwordCommon'))

export const LoginSchema = z.object({
  email,
  password: z
    .string({ required_error: msg('errors.required') })
    .max(PASSWORD_MAX, msg('errors.tooLong', { max: PASSWORD_MAX })),
  redirectTo: z.string().max(2000).optional(),
})

const choose = { errorMap: () => ({ message: msg('errors.choose') }) }

/** Who the new user speaks for; checked on its own so its errors show with the others. */
const Representation = z
  .object({
    represent: z.enum(['none', 'new', 'join'], choose).default('none'),
    organisationName: z.string().optional(),
    organisationKind: z.enum(['business', 'association'], choose).optional(),
    organisationId: z.coerce
      .number({ invalid_type_error: msg('errors.choose') })
      .int(msg('errors.choose'))
      .positive(msg('errors.choose'))
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.represent === 'new') {
      const name = line(120, 2).safeParse(value.organisationName ?? '')
      if (!name.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['organisationName'],
          message: name.error.issues[0]?.message ?? msg('errors.required'),
        })
      }
      if (!value.organisationKind) {
        ctx.addIssue({ code: 'custom', path: ['organisationKind'], message: msg('errors.choose') })
      }
    }
    if (value.represent === 'join' && !value.organisationId) {
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: msg('errors.choose') })
    }
  })

// An intersection runs both halves, so a wrong email and a missing organisation name are
// reported in the same answer rather than one after the other.
export const RegisterSchema = z
  .object({
    name: line(80),
    email,
    password: newPassword,
    redirectTo: z.string().max(2000).optional(),
  })
  .and(Representation)

export const ForgotPasswordSchema = z.object({ email })

export const ResetPasswordSchema = z
  .object({
    password: newPassword,
    confirm: z.string({ required_error: msg('errors.required') }).max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: msg('errors.passwordMismatch'),
  })

export const ChangePasswordSchema = z
  .object({
    intent: z.literal('change-password'),
    current: z
      .string({ required_error: msg('errors.required') })
      .max(PASSWORD_MAX, msg('errors.tooLong', { max: PASSWORD_MAX })),
    password: newPassword,
    confirm: z.string({ required_error: msg('errors.required') }).max(PASSWORD_MAX),
  })
  .refine((v) => v.password === v.confirm, {
    path: ['confirm'],
    message: msg('errors.passwordMismatch'),
  })
