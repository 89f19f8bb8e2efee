import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { logOutEverywhere } from '~/models/account.server'
import { listUserMemberships } from '~/models/organisation.server'
import { countUserSessions } from '~/models/session.server'
import { getUserById } from '~/models/user.server'
import { getRequestT } from '~/services/i18n.server'
import { destroySession, getSession, requireUser } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [{ t, locale }, account, memberships, sessions] = await Promise.all([
    getRequestT(request),
    getUserById(user.id),
    listUserMemberships(user.id),
    countUserSessions(user.id),
  ])
  return json({
    title: t('me.title'),
    user,
    memberSince: account ? formatDate(account.created_at, locale) : null,
    memberships,
    sessions,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  if (form.get('intent') !== 'logout-everywhere') {
    throw json({ error: 'unknown intent' }, { status: 400 })
  }
  await logOutEverywhere(user.id, context.ip)
  const session = await getSession(request)
  return redirect('/login?notice=loggedOutEverywhere', {
    headers: { 'Set-Cookie': await destroySession(session) },
  })
}

export default function Me() {
  const { t } = useTranslation()
  const { user, memberSince, memberships, sessions } = useLoaderData<typeof loader>()
  return (
    <div className="narrow">
      <h1>{t('me.title')}</h1>
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
      <section aria-labelledby="security">
        <h2 id="security">{t('me.security')}</h2>
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
    </div>
  )
}
