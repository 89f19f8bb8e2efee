import type { EntryContext } from '@remix-run/node'
import { getLocale } from '~/services/i18n.server'
import { hasSessionCookie } from '~/services/session.server'

/**
 * The anonymous page cache's rules; the server (server/page-cache.ts) only stores and serves.
 *
 * The app marks a document it rendered for an anonymous visitor on a public page with
 * {@link PAGE_CACHE_HEADER}, whose value is the variant it rendered (the visitor's language).
 * The server keeps only marked responses, looks them up by URL and {@link pageCacheVariant},
 * and never sends the header on. Both sides read the request with the app's own cookie parsers,
 * so a header the app reads as a session (`utmana_session =…`) can never look anonymous to the
 * cache, and a language cookie the app honours can never be missed by the cache's key.
 */
export const PAGE_CACHE_HEADER = 'x-utmana-page-cache'

/** Pages that look the same to every anonymous visitor who reads them in the same language. */
const PUBLIC_ROUTES = new Set([
  'routes/_index',
  'routes/challenges._index',
  'routes/challenges.$id',
  'routes/organisations._index',
  'routes/organisations.$slug',
  'routes/outcomes',
  'routes/open-data._index',
  'routes/about',
  'routes/privacy',
  'routes/accessibility',
])

/**
 * Which copy of a cacheable page this request may get: its language; null when it carries a
 * session (its pages are personal and never come from, or go into, the cache).
 */
export async function pageCacheVariant(request: Request): Promise<string | null> {
  if (await hasSessionCookie(request)) return null
  return getLocale(request)
}

// The only request headers pageCacheVariant reads (the session and language cookies, and
// Accept-Language), so its answer can be remembered by their values: the server asks on every
// anonymous GET, and building a Request and parsing costs ~50 µs against ~1 µs for a look-up.
const VARIANT_HEADERS = ['cookie', 'accept-language'] as const
const remembered = new Map<string, string | null>()

/**
 * {@link pageCacheVariant} for the server, from a request's header values (lower-case names):
 * the remembered answer at once, without a promise, when these values were seen before.
 */
export function pageCacheVariantOf(
  header: (name: (typeof VARIANT_HEADERS)[number]) => string | undefined,
): string | null | Promise<string | null> {
  const values = VARIANT_HEADERS.map((name) => header(name))
  const key = `${values[0] ?? '\u0001'}\u0000${values[1] ?? '\u0001'}`
  const known = remembered.get(key)
  if (known !== undefined) return known
  const headers = new Headers()
  VARIANT_HEADERS.forEach((name, i) => {
    if (values[i] !== undefined) headers.set(name, values[i])
  })
  return pageCacheVariant(new Request('http://localhost/', { headers })).then((variant) => {
    if (remembered.size >= 1000) remembered.delete(remembered.keys().next().value!)
    remembered.set(key, variant)
    return variant
  })
}

/** The variant to mark this document response with, or null when it must not be kept. */
export async function cacheableVariant(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
): Promise<string | null> {
  if (request.method !== 'GET' || status !== 200 || headers.has('Set-Cookie')) return null
  const leaf = context.staticHandlerContext.matches.at(-1)?.route.id
  if (!leaf || !PUBLIC_ROUTES.has(leaf)) return null
  return pageCacheVariant(request)
}
