import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from '@remix-run/node'
import { json } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { useNonce } from '~/context'
import { useRootData } from '~/utils/root-data'
import { ErrorPage, errorPageKey } from '~/components/ErrorPage'
import { SiteFooter } from '~/components/SiteFooter'
import { SiteHeader } from '~/components/SiteHeader'
import { hasDepartmentInbox } from '~/models/department-inbox.server'
import { countUnread } from '~/models/notification.server'
import { getSettings } from '~/models/settings.server'
import { publicUrl } from '~/env.server'
import { getLocale } from '~/services/i18n.server'
import { getUser } from '~/services/session.server'
import stylesheet from '~/styles/app.css'
import { pageTitle, titleMeta } from '~/utils/meta'
import { headerCan } from '~/utils/policy'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

// A route without its own `meta` gets the board's name and noindex. On an error the Layout
// writes the error's title instead (a meta function cannot translate).
export const meta: MetaFunction = (args) => (args.error ? [] : titleMeta(args))

// A thrown 429 carries Retry-After; Remix only copies a thrown response's headers to the page
// through a headers function.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const retryAfter = errorHeaders?.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, settings] = await Promise.all([
    getLocale(request),
    getUser(request),
    getSettings(),
  ])
  const [unread, inbox] = user
    ? await Promise.all([countUnread(user.id), hasDepartmentInbox(user.id)])
    : [0, false]
  return json({
    locale,
    user,
    /** What the header links to, from the policy: components never read roles. */
    can: headerCan(user),
    unread,
    inbox,
    board: { name: settings.boardName, town: settings.townName, contact: settings.contactEmail },
    // PUBLIC_URL's origin, for canonical and Open Graph addresses (app/utils/meta.ts).
    origin: publicUrl().origin,
  })
}

/** The error page's head: a translated title ("Sidan finns inte – Board") and noindex. */
function ErrorHead({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const board = useRootData()?.board.name ?? 'Utmana'
  return (
    <>
      <title>{pageTitle(t(`errorPage.${errorPageKey(error)}.title`), board)}</title>
      <meta name="robots" content="noindex" />
    </>
  )
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData()
  // Set when this Layout wraps the ErrorBoundary (every error ends at the root's boundary);
  // null (React Router's empty context), not undefined, around a page.
  const error = useRouteError()
  const nonce = useNonce()
  const { i18n } = useTranslation()
  const locale = data?.locale ?? i18n.language ?? 'sv'
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {error != null && <ErrorHead error={error} />}
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        {/* Modules are fetched after the load event (patches/README.md): content first. */}
        <Scripts nonce={nonce} hydrateAfterLoad />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  return <ErrorPage error={error} />
}
