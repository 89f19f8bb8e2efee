import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { NewPasswordFields } from '~/components/NewPasswordFields'
import { useTranslation } from '~/i18n-react'
import { FormErrors, TextField, useSchemaForm } from '~/components/forms'
import { MeNav } from '~/components/MyThings'
import { ChangePasswordSchema } from '~/forms/account'
import { changePassword, logOutEverywhere } from '~/models/account.server'
import { countMyThings } from '~/models/my-things.server'
import { listUserMemberships } from '~/models/organisation.server'
import { countUserSessions } from '~/models/session.server'
import { setEmailFrequency } from '~/models/notification-mail.server'
import { sendConfirmationMail } from '~/models/email-confirmation.server'
import { getUserById } from '~/models/user.server'
import { rememberDevice } from '~/services/device.server'
import { getRequestT } from '~/services/i18n.server'
import { publicUrl } from '~/env.server'
import { deliverOutbox } from '~/services/mail.server'
import { consume, forget, withRateLimits } from '~/services/rate-limit.server'
import {
  destroySession,
  getSession,
  requireUser,
  startUserSession,
} from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const EMAIL_FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const
const NOTICES = ['passwordChanged', 'emailSaved', 'confirmationSent'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [{ t, locale }, account, memberships, sessions, things] = await Promise.all([
    getRequestT(request),
    getUserById(user.id),
    listUserMemberships(user.id),
    countUserSessions(user.id),
    countMyThings(user),
  ])
  const notice = new URL(request.url).searchParams.get('notice')
  return json({
    title: t('me.title'),
    user,
    memberSince: account ? formatDate(account.created_at, locale) : null,
    memberships,
    sessions,
    things,
    notice: NOTICES.find((n) => n === notice) ?? null,
    emailFrequency: account?.email_frequency ?? 'daily',
    emailConfirmed: Boolean(account?.email_verified_at),
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'logout-everywhere') {
    await logOutEverywhere(user.id, context.ip)
    const session = await getSession(request)
    return redirect('/login?notice=loggedOutEverywhere', {
      headers: { 'Set-Cookie': await destroySession(session) },
    })
  }

  if (intent === 'resend-confirmation') {
    // A few links an hour: enough for a lost mail, too few to use the site to spam an inbox.
    await withRateLimits({ action: 'resend-confirmation', ip: context.rateKey }, () =>
      consume('registerAccount', `confirm:${user.id}`),
    )
    const { locale } = await getRequestT(request)
    const sent = await sendConfirmationMail({
      userId: user.id,
      siteUrl: publicUrl().origin,
      locale,
    })
    if (sent) void deliverOutbox()
    return redirect(sent ? '/me?notice=confirmationSent#confirm-email' : '/me')
  }

  if (intent === 'email') {
    const frequency = formData.get('frequency')
    if (!EMAIL_FREQUENCIES.includes(frequency as never)) throw json({}, { status: 400 })
    await setEmailFrequency(user.id, frequency as (typeof EMAIL_FREQUENCIES)[number])
    return redirect('/me?notice=emailSaved#email')
  }

  if (intent === 'change-password') {
    const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
    if (submission.status !== 'success') {
      return json(submission.reply({ hideFields: ['current', 'password', 'confirm'] }), {
        status: 400,
      })
    }
    // Guessing the current password counts like guessing at the login form.
    const key = `${user.email}|${context.rateKey}`
    await withRateLimits({ action: 'change-password', ip: context.rateKey }, () =>
      consume('loginAccountIp', key),
    )
    const changed = await changePassword({
      userId: user.id,
      current: submission.value.current,
      password: submission.value.password,
      ip: context.ip,
    })
    if (!changed) {
      return json(
        submission.reply({
          fieldErrors: { current: ['me.wrongPassword'] },
          hideFields: ['current', 'password', 'confirm'],
        }),
        { status: 400 },
      )
    }
    await forget('loginAccountIp', key)
    // Every session ended with the change; this device signs in again with a new id, and is
    // the one browser the account still knows (the change revoked every device cookie).
    const response = await startUserSession(request, user.id, '/me?notice=passwordChanged')
    response.headers.append('Set-Cookie', await rememberDevice(request, user.id))
    return response
  }

  throw json({ error: 'unknown intent' }, { status: 400 })
}

export default function Me() {
  const { t } = useTranslation()
  const {
    user,
    memberSince,
    memberships,
    sessions,
    things,
    notice,
    emailFrequency,
    emailConfirmed,
  } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useSchemaForm({
    id: 'change-password',
    schema: ChangePasswordSchema,
    lastResult: lastResult,
  })
  return (
    <div className="narrow">
      <MeNav />
      <h1>{t('me.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`me.${notice}`)}
        </p>
      )}
      {!emailConfirmed && (
        <section aria-labelledby="confirm-email" className="notice-neutral">
          <h2 id="confirm-email">{t('me.confirmEmail.title')}</h2>
          <p id="confirm-email-hint">{t('me.confirmEmail.body', { email: user.email })}</p>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="resend-confirmation"
              className="button secondary"
              aria-describedby="confirm-email-hint"
            >
              {t('me.confirmEmail.resend')}
            </button>
          </Form>
        </section>
      )}
      <section aria-labelledby="my-things">
        <h2 id="my-things">{t('myThings.heading')}</h2>
        <p>{t('myThings.intro')}</p>
        <ul>
          <li>
            <Link to="/me/challenges">{t('myThings.challenges.nav')}</Link>:{' '}
            {t('myThings.challenges.summary', { count: things.challenges })}
          </li>
          <li>
            <Link to="/me/following">{t('myThings.following.nav')}</Link>:{' '}
            {t('myThings.following.summary', { count: things.following })}
          </li>
          <li>
            <Link to="/me/pledges">{t('myThings.pledges.nav')}</Link>:{' '}
            {t('myThings.pledges.summary', { count: things.pledges })}
          </li>
          <li>
            <Link to="/me/reports">{t('myThings.reports.title')}</Link>:{' '}
            {things.waiting
              ? t('myThings.reports.waiting', { count: things.waiting })
              : t('myThings.reports.nothingWaiting')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="profile">
        <h2 id="profile">{t('me.profile')}</h2>
        <dl className="facts">
          <dt>{t('me.name')}</dt>
          <dd>{user.name}</dd>
          <dt>{t('me.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('me.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          {memberSince && (
            <>
              <dt>{t('me.memberSince')}</dt>
              <dd>{memberSince}</dd>
            </>
          )}
        </dl>
      </section>
      <section aria-labelledby="organisations">
        <h2 id="organisations">{t('me.organisations')}</h2>
        {memberships.length === 0 ? (
          <p>{t('me.noOrganisations')}</p>
        ) : (
          <ul>
            {memberships.map((m) => (
              <li key={m.id}>
                <Link to={`/organisations/${m.slug}`}>{m.name}</Link> – {t(`kinds.${m.kind}`)},{' '}
                {t(`me.${m.role}`)}
                {m.status === 'pending' && <> ({t('me.pending')})</>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="email">
        <h2 id="email">{t('me.email')}</h2>
        <Form method="post">
          <fieldset>
            <legend>{t('me.emailHint')}</legend>
            {EMAIL_FREQUENCIES.map((f) => (
              <div className="choice" key={f}>
                <input
                  type="radio"
                  id={`frequency-${f}`}
                  name="frequency"
                  value={f}
                  defaultChecked={emailFrequency === f}
                />
                <label htmlFor={`frequency-${f}`}>{t(`me.frequency.${f}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" name="intent" value="email" className="button secondary">
            {t('me.saveEmail')}
          </button>
        </Form>
      </section>
      <section aria-labelledby="security">
        <h2 id="security">{t('me.security')}</h2>
        <h3>{t('me.changePassword')}</h3>
        <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
          <FormErrors form={form} />
          <input type="hidden" name="intent" value="change-password" />
          <TextField
            field={fields.current}
            label={t('me.currentPassword')}
            type="password"
            autoComplete="current-password"
            required
          />
          <NewPasswordFields password={fields.password} confirm={fields.confirm} />
          <button type="submit" className="button">
            {t('me.changePasswordSubmit')}
          </button>
        </Form>
        <h3>{t('me.logoutEverywhere')}</h3>
        <p>{t('me.sessions', { count: sessions })}</p>
        <Form method="post">
          <p className="hint" id="logout-everywhere-hint">
            {t('me.logoutEverywhereHint')}
          </p>
          <button
            type="submit"
            name="intent"
            value="logout-everywhere"
            className="button secondary"
            aria-describedby="logout-everywhere-hint"
          >
            {t('me.logoutEverywhere')}
          </button>
        </Form>
      </section>
      <section aria-labelledby="my-data">
        <h2 id="my-data">{t('me.myData.title')}</h2>
        <p>
          {t('me.myData.body')} <Link to="/me/data">{t('me.myData.link')}</Link>
        </p>
      </section>
    </div>
  )
}
