import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { findUserByUnsubscribeToken, unsubscribeByToken } from '~/models/notification-mail.server'
import { getRequestT } from '~/services/i18n.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/

// The link in every notification mail. Opening it changes nothing (mail scanners open links);
// one press of the button does.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  const token = params.token ?? ''
  const user = TOKEN.test(token) ? await findUserByUnsubscribeToken(token) : undefined
  if (!user) throw json({}, { status: 404 })
  return json({ title: t('unsubscribe.title'), already: user.email_frequency === 'never' })
}

export async function action({ params }: ActionFunctionArgs) {
  const token = params.token ?? ''
  if (!TOKEN.test(token) || !(await unsubscribeByToken(token))) throw json({}, { status: 404 })
  return json({ done: true })
}

export default function Unsubscribe() {
  const { t } = useTranslation()
  const { already } = useLoaderData<typeof loader>()
  const done = useActionData<typeof action>()?.done
  return (
    <div className="narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {done || already ? (
        <p className="notice" role="status">
          {t('unsubscribe.done')}
        </p>
      ) : (
        <Form method="post">
          <p>{t('unsubscribe.intro')}</p>
          <button type="submit" className="button">
            {t('unsubscribe.confirm')}
          </button>
        </Form>
      )}
    </div>
  )
}
