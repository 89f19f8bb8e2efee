import { isRouteErrorResponse, Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

const KNOWN = new Set([400, 401, 403, 404, 413, 429, 500, 503])

/** The page for every error status, in the user's language. Never shows internals. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const key = KNOWN.has(status) ? status : status >= 500 ? 500 : 400
  const retryAfter =
    isRouteErrorResponse(error) && typeof error.data?.retryAfter === 'number'
      ? error.data.retryAfter
      : null
  return (
    <div className="narrow">
      <title>{t(`errorPage.${key}.title`)}</title>
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      {retryAfter !== null && <p>{t('errorPage.retryAfter', { count: retryAfter })}</p>}
      <p>
        <Link to="/">{t('errorPage.home')}</Link>
      </p>
    </div>
  )
}
