import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { confirmationTokenState, confirmEmail } from '~/models/email-confirmation.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { getSessionUserById } from '~/models/user.server'
import { freeSignupPlace } from '~/services/rate-limit.server'
import { getUser, newUserSessionCookie } from '~/services/session.server'
import { rememberDevice } from '~/services/device.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

// The token is in the URL: no other site may learn it through Referer.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'same-origin' })

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

type State = 'usable' | 'expired' | 'unknown'

const STATUS: Record<State, number> = { usable: 200, expired: 410, unknown: 404 }

/**
 * GET only shows a button: mail scanners that open links must not confirm an address or sign
 * anyone in. The POST confirms the address (if not yet) and signs its owner in: the link
 * reached their mailbox, which is what a sign-in link proves (issue 10, items 4 and 11).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  const token = params.token ?? ''
  const { state, confirms } = TOKEN.test(token)
    ? await confirmationTokenState(token)
    : { state: 'unknown' as const, confirms: false }
  const title =
    state === 'usable' && !confirms
      ? t('confirmEmail.signInTitle')
      : t(`confirmEmail.${state}Title`)
  return json({ title, state, confirms }, { status: STATUS[state] })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = await getRequestT(request)
  const token = params.token ?? ''
  const result = TOKEN.test(token)
    ? await confirmEmail(token, { ip: context.ip })
    : ({ ok: false, reason: 'unknown' } as const)
  if (!result.ok) {
    return json(
      {
        title: t(`confirmEmail.${result.reason}Title`),
        state: result.reason,
        confirms: false,
        done: false,
        signedIn: false,
        stillSignedInAs: null,
      },
      { status: STATUS[result.reason] },
    )
  }
  if (result.origin) await freeSignupPlace(result.origin)
  if (result.newlyConfirmed) log.info('email_confirmed', { userId: result.userId })
  // Someone else signed in here keeps their session: the link may be an attacker's own
  // confirmation link, sent to sign the victim into the attacker's account (issue 10, item 11,
  // review). The address is confirmed all the same; switching takes a sign-out.
  const current = await getUser(request)
  if (current && current.id !== result.userId) {
    log.info('email_link_other_account', { userId: result.userId, signedIn: current.id })
    return json({
      title: result.newlyConfirmed
        ? t('confirmEmail.doneTitle')
        : t('confirmEmail.stillSignedInTitle', { name: current.name }),
      state: 'usable' as State,
      confirms: result.newlyConfirmed,
      done: true,
      signedIn: false,
      stillSignedInAs: current.name,
    })
  }
  // A suspended account is confirmed but not signed in.
  const user = await getSessionUserById(result.userId)
  const headers = new Headers()
  if (user) {
    headers.append('Set-Cookie', await newUserSessionCookie(request, user.id))
    headers.append('Set-Cookie', await rememberDevice(request, user.id))
    log.info('login', { userId: user.id, ip: context.ip, via: 'email_link' })
  }
  return json(
    {
      title: result.newlyConfirmed ? t('confirmEmail.doneTitle') : t('confirmEmail.signedInTitle'),
      state: 'usable' as State,
      confirms: result.newlyConfirmed,
      done: true,
      signedIn: Boolean(user),
      stillSignedInAs: null,
    },
    { headers },
  )
}

export default function ConfirmEmail() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const state = acted?.state ?? loaded.state
  if (acted?.done) {
    return (
      <div className="narrow">
        <h1>
          {acted.confirms
            ? t('confirmEmail.doneTitle')
            : acted.stillSignedInAs
              ? t('confirmEmail.stillSignedInTitle', { name: acted.stillSignedInAs })
              : t('confirmEmail.signedInTitle')}
        </h1>
        <p role="status">
          {acted.confirms ? t('confirmEmail.done') : null}{' '}
          {acted.signedIn ? t('confirmEmail.signedIn') : null}
          {acted.stillSignedInAs
            ? t('confirmEmail.stillSignedIn', { name: acted.stillSignedInAs })
            : null}
        </p>
        <p>
          <Link to="/me">{t('confirmEmail.toAccount')}</Link>
        </p>
      </div>
    )
  }
  if (state !== 'usable') {
    return (
      <div className="narrow">
        <h1>{t(`confirmEmail.${state}Title`)}</h1>
        <p>{t(`confirmEmail.${state}`)}</p>
        <p>
          <Link to="/login">{t('confirmEmail.requestNew')}</Link>
        </p>
      </div>
    )
  }
  const confirms = loaded.confirms
  return (
    <div className="narrow">
      <h1>{confirms ? t('confirmEmail.usableTitle') : t('confirmEmail.signInTitle')}</h1>
      <p id="confirm-hint">{confirms ? t('confirmEmail.usable') : t('confirmEmail.signIn')}</p>
      <Form method="post">
        <button type="submit" className="button" aria-describedby="confirm-hint">
          {confirms ? t('confirmEmail.submit') : t('confirmEmail.signInSubmit')}
        </button>
      </Form>
    </div>
  )
}
