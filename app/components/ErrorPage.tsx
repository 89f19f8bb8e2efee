import { isRouteErrorResponse, Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'

const KNOWN = new Set([400, 401, 403, 404, 413, 429, 500, 503])

/** Which error page an error gets: its status when translated, else 500 or 400. */
export function errorPageKey(error: unknown): number {
  const status = isRouteErrorResponse(error) ? error.status : 500
  return KNOWN.has(status) ? status : status >= 500 ? 500 : 400
}

/** The page for every error status, in the user's language. Never shows internals. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const key = errorPageKey(error)
  const retryAfter =
    isRouteErrorResponse(error) && typeof error.data?.retryAfter === 'number'
      ? error.data.retryAfter
      : null
  return (
    <div className="narrow">
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      {retryAfter !== null && <p>{t('errorPage.retryAfter', { count: retryAfter })}</p>}
      <p>
        <Link to="/">{t('errorPage.home')}</Link>
      </p>
    </div>
  )
}
