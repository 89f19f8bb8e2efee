import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { Locale } from '~/i18n'
import { useTranslation } from '~/i18n-react'
import { FormErrors, TextField, useSchemaForm } from '~/components/forms'
import { LoginSchema } from '~/forms/account'
import { getUserByEmail, recordLogin } from '~/models/user.server'
import { sendConfirmationMail, sendSignInLink } from '~/models/email-confirmation.server'
import { publicUrl } from '~/env.server'
import { deliverOutbox } from '~/services/mail.server'
import { knownDevice, rememberDevice } from '~/services/device.server'
import { asLoginFailed, authenticator } from '~/services/auth.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import {
  consume,
  consumeAll,
  count,
  forget,
  isOver,
  RateLimited,
  reward,
  withRateLimits,
} from '~/services/rate-limit.server'
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

// An address over its limits is answered with the form (not thrown), so its Retry-After comes
// from the action's headers, which Remix passes to the page only through this function.
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders)
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

/**
 * Signing in (issue 10, items 4 and 11; the lanes are described in rate-limit.server.ts).
 * The answers: a session; 401 "wrong address or password" (also for an unknown address and
 * for the right password of an account never confirmed, which gets a new confirmation link);
 * 429 for an address over its own limits; and, while the account is under attack and this
 * browser is not one it knows, the same "if it was right, we have mailed you a link" whatever
 * was typed.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.clone().formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return json(
      { result: submission.reply({ hideFields: ['password'] }), linkSent: false as const },
      { status: 400 },
    )
  }
  const { email, redirectTo } = submission.value
  const ip = context.rateKey
  const accountIp = `${email}|${ip}`
  const account = await getUserByEmail(email)
  const device = account ? await knownDevice(request, account.id) : null
  const deviceKey = account && device ? `${account.id}|${device}` : null
  const { locale } = await getRequestT(request)
  const linkSent = () =>
    json({ result: submission.reply({ hideFields: ['password'] }), linkSent: 'account' as const })
  if (deviceKey)
    await withRateLimits({ action: 'login', ip }, () => consume('loginDevice', deviceKey))
  else {
    try {
      await consume('loginIp', ip)
      await consume('loginAccountIp', accountIp)
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error
      return addressOverLimit(request, { email, ip, locale, retryAfter: error.retryAfterSeconds })
    }
  }
  const underAttack = !deviceKey && (await isOver('loginAccount', email))

  let userId: number
  try {
    userId = await authenticator.authenticate('form', request)
  } catch (error) {
    const failed = asLoginFailed(error)
    if (!failed) throw error
    log.warn('login_failed', { ip: context.ip, reason: failed.reason, underAttack })
    if (failed.reason === 'invalid') await count('loginAccount', email)
    if (failed.reason === 'unconfirmed' && failed.userId) {
      // The way back for someone who lost the welcome mail, a few times an hour.
      if (await withinLimit('registerAccount', `confirm:${failed.userId}`)) {
        await sendConfirmationMail({ userId: failed.userId, siteUrl: publicUrl().origin, locale })
        void deliverOutbox()
      }
    }
    if (underAttack) return linkSent()
    const message =
      failed.reason === 'banned' && failed.bannedUntil
        ? `login.banned?${new URLSearchParams({ until: formatDateTime(failed.bannedUntil, locale) })}`
        : 'login.invalid'
    return json(
      {
        result: submission.reply({ formErrors: [message], hideFields: ['password'] }),
        linkSent: false,
      },
      { status: 401 },
    )
  }

  if (underAttack) {
    // The right password, from a browser the account does not know, while someone guesses:
    // the owner's mailbox decides. Paced, so the owner's retries do not fill it.
    if (await withinLimit('signInLink', email)) {
      await sendSignInLink({ userId, siteUrl: publicUrl().origin, locale })
      void deliverOutbox()
    }
    log.info('login_link_sent', { userId, ip: context.ip })
    return linkSent()
  }

  // A successful login gives back what it counted.
  await Promise.all(
    deviceKey
      ? [forget('loginDevice', deviceKey)]
      : [forget('loginAccountIp', accountIp), reward('loginIp', ip)],
  )
  await recordLogin(userId)
  log.info('login', { userId, ip: context.ip })
  const response = await startUserSession(request, userId, safeRedirect(redirectTo))
  response.headers.append('Set-Cookie', await rememberDevice(request, userId))
  return response
}

/**
 * The address is over its own limits: 429 with Retry-After, whoever asks. Others behind the
 * same public address (a town hall's or a library's network) must not lock the owner, or a
 * moderator, out of a browser they have not used before, so the password is still checked,
 * within a hashing budget per address, and the right one mails a sign-in link; the answer is
 * the same whatever was typed.
 */
async function addressOverLimit(
  request: Request,
  {
    email,
    ip,
    locale,
    retryAfter,
  }: { email: string; ip: string; locale: Locale; retryAfter: number },
) {
  log.warn('rate_limited', { action: 'login', ip, retryAfter })
  if (await withinLimit('loginHashIp', ip)) {
    const userId = await authenticator.authenticate('form', request).catch((error: unknown) => {
      if (asLoginFailed(error)) return null
      throw error
    })
    if (userId !== null && (await withinLimit('signInLink', email))) {
      await sendSignInLink({ userId, siteUrl: publicUrl().origin, locale })
      void deliverOutbox()
      log.info('login_link_sent', { userId, ip, over: 'address' })
    }
  }
  return json(
    { result: null, linkSent: 'address' as const, retryAfter },
    { status: 429, headers: { 'Retry-After': String(retryAfter) } },
  )
}

/** Takes one point if the key has one left; false (and nothing taken) when it has not. */
async function withinLimit(name: 'registerAccount' | 'signInLink' | 'loginHashIp', key: string) {
  try {
    await consumeAll([[name, key]])
    return true
  } catch (error) {
    if (error instanceof RateLimited) return false
    throw error
  }
}

export default function Login() {
  const { t } = useTranslation()
  const { notice } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useSchemaForm({
    id: 'login',
    schema: LoginSchema,
    lastResult: data?.result,
  })
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`login.${notice}`)}
        </p>
      )}
      {data?.linkSent === 'account' && (
        <div className="notice" role="status">
          <p>{t('login.linkSent')}</p>
          <p>{t('login.linkSentWhy')}</p>
        </div>
      )}
      {data?.linkSent === 'address' && (
        <div className="notice" role="status">
          <p>{t('login.addressOverLimit', { count: Math.ceil((data.retryAfter ?? 60) / 60) })}</p>
          <p>{t('login.linkSent')}</p>
        </div>
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
