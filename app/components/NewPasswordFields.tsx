import type { FieldMetadata } from '@conform-to/react'
import { TextField } from '~/components/forms'
import { PASSWORD_MIN } from '~/forms/account'
import { useTranslation } from '~/i18n-react'

/** A new password typed twice, with the length rule said before it is typed. */
export function NewPasswordFields({
  password,
  confirm,
}: {
  password: FieldMetadata<unknown>
  confirm: FieldMetadata<unknown>
}) {
  const { t } = useTranslation()
  return (
    <>
      <TextField
        field={password}
        label={t('reset.password')}
        type="password"
        hint={t('register.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
      />
      <TextField
        field={confirm}
        label={t('reset.confirm')}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  )
}
