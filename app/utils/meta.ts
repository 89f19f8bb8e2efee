import type { MetaArgs, MetaDescriptor, MetaFunction } from '@remix-run/node'

interface RootMatchData {
  locale?: string
  /** PUBLIC_URL's origin, the only source of absolute URLs (see app/root.tsx). */
  origin?: string
  board?: { name: string }
}

/**
 * What a route's loader gives its `meta`: a translated `title`, and on public pages a
 * translated `description`. `noindex` keeps a public page out of search engines and link
 * previews (a hidden or pending challenge its author or a moderator is looking at).
 */
interface PageMetaData {
  title?: string
  description?: string
  noindex?: boolean
}

type Matches = MetaArgs['matches']

function rootData(matches: Matches): RootMatchData {
  return (matches.find((m) => m.id === 'root')?.data as RootMatchData | undefined) ?? {}
}

/** "Title – Board name", or the board's name alone. */
export function pageTitle(title: string | undefined, board: string): string {
  return title ? `${title} – ${board}` : board
}

/** Open Graph wants a territory: the board's Swedish is Sweden's, its English British. */
export function ogLocale(locale: string | undefined): string {
  return locale === 'en' ? 'en_GB' : 'sv_SE'
}

/**
 * An absolute URL on PUBLIC_URL's origin (never the request's Host): the path, then only the
 * listed query parameters, in the order listed, so `?utm_source=…&page=2&q=x` and
 * `?q=x&page=2` have one canonical address.
 */
export function canonicalUrl(
  origin: string,
  pathname: string,
  search = '',
  keep: readonly string[] = [],
): string {
  const from = new URLSearchParams(search)
  const query = new URLSearchParams()
  for (const key of keep) {
    const value = from.get(key)
    if (value) query.set(key, value)
  }
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  const text = query.toString()
  return `${origin}${path}${text ? `?${text}` : ''}`
}

/** Plain text for a description: one line, at most `max` characters, cut at a word. */
export function shortText(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  const cut = line.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`
}

const noindex: MetaDescriptor = { name: 'robots', content: 'noindex' }

/**
 * The default `meta`: the page's title and `noindex`, no canonical address. For every page that
 * is not meant for search engines and link previews: signed-in pages, forms, moderation, admin.
 * Public pages use `publicMeta`.
 */
export const titleMeta: MetaFunction = ({ data, matches }) => {
  const board = rootData(matches).board?.name ?? 'Utmana'
  return [{ title: pageTitle((data as PageMetaData | undefined)?.title, board) }, noindex]
}

/**
 * `meta` for a public page: title, description, canonical address (from PUBLIC_URL), Open
 * Graph and Twitter card tags, so a shared link shows the page's title, its description and the
 * board's name. The loader's `description` is shown as it is (translated, or the challenge's
 * summary): only what the page itself shows publicly may go in it.
 */
export function publicMeta(
  options: {
    /** Open Graph type: `article` for a challenge, else `website`. */
    type?: 'website' | 'article'
    /** Query parameters that make a different page (filters, page number). */
    query?: readonly string[]
    /** The canonical path from the loader's data, when the URL may spell it differently. */
    path?: (data: unknown) => string | undefined
  } = {},
): MetaFunction {
  return (args) => {
    const page = (args.data as PageMetaData | undefined) ?? {}
    if (page.noindex) return titleMeta(args)
    const root = rootData(args.matches)
    const board = root.board?.name ?? 'Utmana'
    const title = pageTitle(page.title, board)
    const description = page.description ? shortText(page.description) : undefined
    const url = root.origin
      ? canonicalUrl(
          root.origin,
          options.path?.(args.data) ?? args.location.pathname,
          args.location.search,
          options.query,
        )
      : undefined
    return [
      { title },
      ...(description ? [{ name: 'description', content: description }] : []),
      ...(url ? [{ tagName: 'link', rel: 'canonical', href: url }] : []),
      { property: 'og:title', content: page.title ?? board },
      ...(description ? [{ property: 'og:description', content: description }] : []),
      { property: 'og:type', content: options.type ?? 'website' },
      ...(url ? [{ property: 'og:url', content: url }] : []),
      { property: 'og:site_name', content: board },
      { property: 'og:locale', content: ogLocale(root.locale) },
      { name: 'twitter:card', content: 'summary' },
    ]
  }
}
