import type { EntryContext } from '@remix-run/node'
import { databaseVersion } from '~/db.server'
import { getEnv } from '~/env.server'
import { hashSessionId, sessionSignedInUntil } from '~/models/session.server'
import { getLocale } from '~/services/i18n.server'
import { sessionIdOf } from '~/services/session.server'

/**
 * The page cache's rules; the server (server/page-cache.ts) only stores and serves.
 *
 * The app marks a document it rendered on a public page with {@link PAGE_CACHE_HEADER}, whose
 * value is the variant it rendered. The server keeps only marked responses, looks them up by
 * URL and {@link pageCacheVariant}, and never sends the header on. Both sides read the request
 * with the app's own cookie parsers, so a header the app reads as a session
 * (`utmana_session =…`) can never look anonymous to the cache, and a language cookie the app
 * honours can never be missed by the cache's key.
 *
 * - **Anonymous visitors:** the variant is the language. Every write empties the cache.
 * - **Members** (PAGE_CACHE=everyone, the default): the variant is their own session, the
 *   language and the database's version (`databaseVersion()`, the one shared reads use), read
 *   before the page's loaders run and again when it is marked: a page during which anything was
 *   written is not kept, and a kept one is found only while nothing has been written since, by
 *   any process. What is in the page that the database does not hold is the clock: the session
 *   is asked for its end at every look-up (remembered per database version, so a hit costs no
 *   query), a banned member's pages are never kept, and the rest (a comment's edit window,
 *   "3 minutes ago") may lag by the entry's life, at most 30 s, as an anonymous page's does.
 *   Each member's copy is found only with their own session cookie.
 */
export const PAGE_CACHE_HEADER = 'x-utmana-page-cache'

/** Pages that look the same to every reader who reads them in the same language and role. */
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
 * The paths those routes answer, from their flat-route ids (`routes/challenges.$id` →
 * /challenges/anything): a member's request for any other path is not looked up or kept
 * without asking the database (on PostgreSQL a round trip). Whether a page is kept is still
 * decided by the route that answered it (cacheableVariant): /challenges/new matches here, and
 * is not.
 */
const PUBLIC_PATHS = [...PUBLIC_ROUTES].map((id) => {
  const segments = id
    .replace(/^routes\//, '')
    .split('.')
    .filter((segment) => segment !== '_index')
    .map((segment) =>
      segment.startsWith('$') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
  return new RegExp(`^/${segments.join('/')}/?$`)
})
const mayBePublic = (path: string) => PUBLIC_PATHS.some((pattern) => pattern.test(path))

/** What the variant depends on in a request's headers: its language and its session. */
interface Reader {
  locale: string
  sessionId: string | null
}

async function readerOf(request: Request): Promise<Reader> {
  const [locale, sessionId] = await Promise.all([getLocale(request), sessionIdOf(request)])
  return { locale, sessionId }
}

// Per session id: until when it stays signed in, as read at one database version. A page hit
// asks every time; the database only after something was written.
interface Standing {
  version: string
  until: number
  hash: string
}
const MAX_STANDINGS = 10_000
const standings = new Map<string, Standing>()

function memberVariantAt(sessionId: string, locale: string, version: string) {
  const known = standings.get(sessionId)
  const variant = (standing: Standing) =>
    Date.now() < standing.until ? `member:${locale}:${version}:${standing.hash}` : null
  if (known?.version === version) return variant(known)
  return sessionSignedInUntil(sessionId).then((until) => {
    const standing = { version, until: until ?? 0, hash: hashSessionId(sessionId) }
    if (standings.size >= MAX_STANDINGS) standings.clear()
    standings.set(sessionId, standing)
    return variant(standing)
  })
}

/**
 * The variant for a reader: the language for an anonymous visitor; for a member their session,
 * language and the database version, or null (not signed in now, or members' pages not kept).
 */
function variantOfReader(reader: Reader, path: string): string | null | Promise<string | null> {
  const setting = getEnv().PAGE_CACHE
  if (setting === 'off') return null
  if (reader.sessionId === null) return reader.locale
  if (setting !== 'everyone' || !mayBePublic(path)) return null
  const { sessionId, locale } = reader
  const version = databaseVersion()
  return typeof version === 'string'
    ? memberVariantAt(sessionId, locale, version)
    : version.then((v) => memberVariantAt(sessionId, locale, v))
}

/** Which copy of a cacheable page this request may get; null: none, it is not kept. */
export async function pageCacheVariant(request: Request): Promise<string | null> {
  return variantOfReader(await readerOf(request), new URL(request.url).pathname)
}

// The only request headers a reader depends on (the session and language cookies, and
// Accept-Language), so it is remembered by their values: the server asks on every GET, and
// building a Request and parsing costs ~50 µs against ~1 µs for a look-up.
const VARIANT_HEADERS = ['cookie', 'accept-language'] as const
const MAX_READERS = 1000
const readers = new Map<string, Reader>()

/**
 * {@link pageCacheVariant} for the server, from a request's header values (lower-case names)
 * and its path (without the query). The answer comes without a promise when these values were
 * seen before and it needs no query: an anonymous visitor, or a member on SQLite whose session
 * was asked about at this database version.
 */
export function pageCacheVariantOf(
  header: (name: (typeof VARIANT_HEADERS)[number]) => string | undefined,
  path: string,
): string | null | Promise<string | null> {
  const values = VARIANT_HEADERS.map((name) => header(name))
  const key = `${values[0] ?? '\u0001'}\u0000${values[1] ?? '\u0001'}`
  const known = readers.get(key)
  if (known) return variantOfReader(known, path)
  const headers = new Headers()
  VARIANT_HEADERS.forEach((name, i) => {
    if (values[i] !== undefined) headers.set(name, values[i])
  })
  return readerOf(new Request('http://localhost/', { headers })).then((reader) => {
    if (readers.size >= MAX_READERS) readers.delete(readers.keys().next().value!)
    readers.set(key, reader)
    return variantOfReader(reader, path)
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
