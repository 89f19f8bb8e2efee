import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="site-footer">
      <nav aria-label={t('footer.navigation')}>
        <ul>
          <li>
            <Link to="/about">{t('footer.about')}</Link>
          </li>
          <li>
            <Link to="/privacy">{t('footer.privacy')}</Link>
          </li>
          <li>
            <Link to="/open-data">{t('footer.openData')}</Link>
          </li>
          <li>
            <Link to="/accessibility">{t('footer.accessibility')}</Link>
          </li>
        </ul>
      </nav>
      <p>{t('footer.openSource')}</p>
    </footer>
  )
}
