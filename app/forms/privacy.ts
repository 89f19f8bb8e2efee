import { z } from 'zod'
import { PASSWORD_MAX } from '~/forms/account'
import { msg } from '~/forms/fields'

export const CONTRIBUTION_CHOICES = ['keep', 'remove'] as const

/** "Delete my account" on /me/data: the current password, what happens to posts, a tick. */
export const DeleteAccountSchema = z.object({
  password: z
    .string({ required_error: msg('errors.required') })
    .max(PASSWORD_MAX, msg('errors.tooLong', { max: PASSWORD_MAX })),
  contributions: z.enum(CONTRIBUTION_CHOICES, {
    errorMap: () => ({ message: msg('errors.choose') }),
  }),
  confirm: z.literal('on', { errorMap: () => ({ message: msg('myData.confirmRequired') }) }),
})
