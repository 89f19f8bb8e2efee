import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { listNotifications, markAllRead } from '~/models/notification.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDateTime } from '~/utils/format'
import { notificationHref, notificationText } from '~/utils/notification-text'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [{ t }, notifications] = await Promise.all([
    getRequestT(request),
    listNotifications(user.id),
  ])
  return json({ title: t('notifications.title'), notifications })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  if (form.get('intent') !== 'read-all') throw json({}, { status: 400 })
  await markAllRead(user.id)
  return redirect('/me/notifications')
}

export default function Notifications() {
  const { t, i18n } = useTranslation()
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => !n.read_at).length
  return (
    <div className="narrow wide">
      <h1>{t('notifications.title')}</h1>
      <p>
        <Link to="/me#email">{t('notifications.settings')}</Link>
      </p>
      {unread > 0 && (
        <Form method="post">
          <button type="submit" name="intent" value="read-all" className="button secondary">
            {t('notifications.markRead')}
          </button>
        </Form>
      )}
      {notifications.length === 0 ? (
        <p>{t('notifications.empty')}</p>
      ) : (
        <ol className="plain notifications">
          {notifications.map((n) => (
            <li key={n.id} className={n.read_at ? undefined : 'unread'}>
              {!n.read_at && <span className="visually-hidden">{t('notifications.new')} </span>}
              <Link to={notificationHref(n)}>{n.challenge_title}</Link>: {notificationText(t, n)} ·{' '}
              <time dateTime={n.created_at}>{formatDateTime(n.created_at, i18n.language)}</time>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
