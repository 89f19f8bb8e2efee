import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { FormErrors, TextField, useSchemaForm } from '~/components/forms'
import { LoginSchema } from '~/forms/account'
import { recordLogin } from '~/models/user.server'
import { asLoginFailed, authenticator } from '~/services/auth.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { consume, forget, reward, withRateLimits } from '~/services/rate-limit.server'
import { safeRedirect } from '~/services/redirect'
import { getUser, startUserSession } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const NOTICES = ['passwordReset', 'loggedOutEverywhere'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  if (await getUser(request)) throw redirect(safeRedirect(url.searchParams.get('redirectTo')))
  const { t } = await getRequestT(request)
  const notice = NOTICES.find((n) => n === url.searchParams.get('notice')) ?? null
  return json({ title: t('login.title'), notice })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.clone().formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, redirectTo } = submission.value
  const ip = context.rateKey
  const accountIp = `${email}|${ip}`
  await withRateLimits({ action: 'login', ip }, async () => {
    await consume('loginIp', ip)
    await consume('loginAccountIp', accountIp)
    await consume('loginAccount', email)
  })

  let userId: number
  try {
    userId = await authenticator.authenticate('form', request)
  } catch (error) {
    const failed = asLoginFailed(error)
    if (!failed) throw error
    log.warn('login_failed', { ip: context.ip, reason: failed.reason })
    const { locale } = await getRequestT(request)
    const message =
      failed.reason === 'banned' && failed.bannedUntil
        ? `login.banned?${new URLSearchParams({ until: formatDateTime(failed.bannedUntil, locale) })}`
        : 'login.invalid'
    return json(submission.reply({ formErrors: [message], hideFields: ['password'] }), {
      status: 401,
    })
  }

  // A successful login gives back what it counted.
  await Promise.all([
    forget('loginAccountIp', accountIp),
    reward('loginAccount', email),
    reward('loginIp', ip),
  ])
  await recordLogin(userId)
  log.info('login', { userId, ip: context.ip })
  return startUserSession(request, userId, safeRedirect(redirectTo))
}

export default function Login() {
  const { t } = useTranslation()
  const { notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useSchemaForm({
    id: 'login',
    schema: LoginSchema,
    lastResult: lastResult,
  })
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`login.${notice}`)}
        </p>
      )}
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
        <TextField
          field={fields.email}
          label={t('login.email')}
          type="email"
          autoComplete="email"
          required
        />
        <TextField
          field={fields.password}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button">
          {t('login.submit')}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </div>
  )
}
