import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FormErrors, TextField, useSchemaForm } from '~/components/forms'
import { ForgotPasswordSchema } from '~/forms/account'
import { requestPasswordReset } from '~/models/account.server'
import { getRequestT } from '~/services/i18n.server'
import { deliverOutbox } from '~/services/mail.server'
import { consume, withRateLimits } from '~/services/rate-limit.server'
import { publicUrl } from '~/env.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  return json({ title: t('forgot.title') })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), sentTo: null }, { status: 400 })
  }
  const { email } = submission.value
  await withRateLimits({ action: 'reset', ip: context.rateKey }, async () => {
    await consume('resetIp', context.rateKey)
    await consume('resetAccount', email)
  })
  const { locale } = await getRequestT(request)
  // The same answer whether or not the account exists.
  await requestPasswordReset({ email, locale, siteUrl: publicUrl().origin, ip: context.ip })
  void deliverOutbox()
  return json({ result: submission.reply({ resetForm: true }), sentTo: email })
}

export default function ForgotPassword() {
  const { t } = useTranslation()
  const data = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'forgot-password',
    schema: ForgotPasswordSchema,
    lastResult: data?.result,
  })
  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      {data?.sentTo && (
        <p className="notice" role="status">
          {t('forgot.sent', { email: data.sentTo })}
        </p>
      )}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <TextField
          field={fields.email}
          label={t('forgot.email')}
          type="email"
          autoComplete="email"
          required
        />
        <button type="submit" className="button">
          {t('forgot.submit')}
        </button>
      </Form>
    </div>
  )
}
