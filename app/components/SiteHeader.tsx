import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { useRootData } from '~/utils/root-data'

export function SiteHeader() {
  const { t } = useTranslation()
  const data = useRootData()
  const location = useLocation()
  const here = location.pathname + location.search
  const user = data?.user ?? null
  const can = data?.can
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="bar">
        <Link to="/" className="brand">
          {data?.board.name ?? 'Utmana'}
        </Link>
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/challenges">{t('nav.challenges')}</NavLink>
            </li>
            <li>
              <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
            </li>
            <li>
              <NavLink to="/outcomes">{t('nav.outcomes')}</NavLink>
            </li>
            <li>
              <NavLink to="/about">{t('nav.about')}</NavLink>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('app.accountNavigation')} className="account">
          <ul>
            {user ? (
              <>
                {can?.moderate && (
                  <li>
                    <NavLink to="/moderation">{t('nav.moderation')}</NavLink>
                  </li>
                )}
                {can?.moderate && (
                  <li>
                    <NavLink to="/reports">{t('nav.reports')}</NavLink>
                  </li>
                )}
                {data?.inbox && (
                  <li>
                    <NavLink to="/inbox">{t('nav.inbox')}</NavLink>
                  </li>
                )}
                {can?.administer && (
                  <li>
                    <NavLink to="/admin">{t('nav.admin')}</NavLink>
                  </li>
                )}
                <li>
                  <NavLink to="/me/notifications">
                    {t('nav.notifications')}
                    {data?.unread ? (
                      <span className="badge">
                        {' '}
                        <span aria-hidden="true">{data.unread}</span>
                        <span className="visually-hidden">
                          {t('nav.unread', { count: data.unread })}
                        </span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/me" title={t('nav.signedInAs', { name: user.name })}>
                    {t('nav.me')}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      {t('nav.logout')}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to={`/login?redirectTo=${encodeURIComponent(here)}`}>
                    {t('nav.login')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/register">{t('nav.register')}</NavLink>
                </li>
              </>
            )}
            <li>
              <Form method="post" action="/language" reloadDocument>
                <input type="hidden" name="lng" value={t('lang.otherCode')} />
                <input type="hidden" name="redirectTo" value={here} />
                <button
                  type="submit"
                  className="link-button"
                  lang={t('lang.otherCode')}
                  aria-label={t('lang.switchLabel')}
                >
                  {t('lang.switchTo')}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
