import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { confirmationTokenState, confirmEmail } from '~/models/email-confirmation.server'
import { getRequestT } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

// The token is in the URL: no other site may learn it through Referer.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'same-origin' })

// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

type State = 'usable' | 'expired' | 'unknown'

const STATUS: Record<State, number> = { usable: 200, expired: 410, unknown: 404 }

/**
 * GET only shows a button: mail scanners that open links must not confirm an address for
 * someone. The POST confirms.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  const token = params.token ?? ''
  const state: State = TOKEN.test(token) ? await confirmationTokenState(token) : 'unknown'
  return json({ title: t(`confirmEmail.${state}Title`), state }, { status: STATUS[state] })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t } = await getRequestT(request)
  const token = params.token ?? ''
  const result = TOKEN.test(token)
    ? await confirmEmail(token, { ip: context.ip })
    : ({ ok: false, reason: 'unknown' } as const)
  if (!result.ok) {
    return json(
      { title: t(`confirmEmail.${result.reason}Title`), state: result.reason, done: false },
      { status: STATUS[result.reason] },
    )
  }
  log.info('email_confirmed', { userId: result.userId })
  return json({ title: t('confirmEmail.doneTitle'), state: 'usable' as State, done: true })
}

export default function ConfirmEmail() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const state = acted?.state ?? loaded.state
  if (acted?.done) {
    return (
      <div className="narrow">
        <h1>{t('confirmEmail.doneTitle')}</h1>
        <p role="status">{t('confirmEmail.done')}</p>
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
          <Link to="/me">{t('confirmEmail.requestNew')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{t('confirmEmail.usableTitle')}</h1>
      <p id="confirm-hint">{t('confirmEmail.usable')}</p>
      <Form method="post">
        <button type="submit" className="button" aria-describedby="confirm-hint">
          {t('confirmEmail.submit')}
        </button>
      </Form>
    </div>
  )
}
