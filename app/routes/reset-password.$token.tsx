import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { NewPasswordFields } from '~/components/NewPasswordFields'
import { useTranslation } from '~/i18n-react'
import { FormErrors, useSchemaForm } from '~/components/forms'
import { ResetPasswordSchema } from '~/forms/account'
import { isResetTokenUsable, resetPassword } from '~/models/account.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

// The token is in the URL: no other site may learn it through Referer. Not "no-referrer":
// with it, browsers send `Origin: null` on the form's own POST.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'same-origin' })

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

async function usable(token: string | undefined) {
  return Boolean(token && TOKEN.test(token) && (await isResetTokenUsable(token)))
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  const valid = await usable(params.token)
  // 410 Gone tells caches and crawlers the link is dead; the page still explains it.
  return json(
    { title: valid ? t('reset.title') : t('reset.invalidTitle'), valid },
    { status: valid ? 200 : 410 },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password', 'confirm'] }), { status: 400 })
  }
  const token = params.token ?? ''
  const done =
    TOKEN.test(token) &&
    (await resetPassword({ token, password: submission.value.password, ip: context.ip }))
  if (!done) {
    return json(
      submission.reply({ formErrors: ['reset.invalid'], hideFields: ['password', 'confirm'] }),
      { status: 410 },
    )
  }
  log.info('password_reset', { ip: context.ip })
  return redirect('/login?notice=passwordReset')
}

export default function ResetPassword() {
  const { t } = useTranslation()
  const { valid } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'reset-password',
    schema: ResetPasswordSchema,
    lastResult: lastResult,
  })
  if (!valid) {
    return (
      <div className="narrow">
        <h1>{t('reset.invalidTitle')}</h1>
        <p>{t('reset.invalid')}</p>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <button type="submit" className="button">
          {t('reset.submit')}
        </button>
      </Form>
    </div>
  )
}
