import { NavLink } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

const SECTIONS = ['taxonomy', 'organisations', 'users', 'settings', 'templates'] as const

/** The admin sections, the current one marked with aria-current by NavLink. */
export function AdminNav() {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('admin.nav.label')}>
      <ul className="inline-actions plain">
        <li>
          <NavLink to="/admin" end>
            {t('admin.nav.overview')}
          </NavLink>
        </li>
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>{t(`admin.nav.${section}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
