import zlib from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'

/**
 * Rendered HTML of anonymous public pages, with brotli and gzip copies made once per entry.
 *
 * - Only GET document requests without a session cookie are cached; anything with Set-Cookie,
 *   a non-200 status or a non-HTML body is not. So one user's page is never served to another.
 * - Any successful write (a non-GET request answered below 400) empties the cache, so a vote
 *   is visible at once. This is coarse but safe for one process; several processes behind one
 *   database would each need to hear about writes.
 * - An entry lives at most `maxAgeMs`, which also bounds how long its CSP nonce is reused.
 */
export interface PageCacheOptions {
  maxEntries?: number
  maxAgeMs?: number
  sessionCookie: string
  cacheable(path: string): boolean
}

interface Entry {
  created: number
  nonce: string
  headers: Record<string, string>
  body: Buffer
  br: Buffer
  gzip: Buffer
}

export function createPageCache(options: PageCacheOptions) {
  const maxEntries = options.maxEntries ?? 500
  const maxAge = options.maxAgeMs ?? 30_000
  const entries = new Map<string, Entry>()
  let hits = 0
  let misses = 0
  // Bumped by every write: a page that was rendering while a write happened is not stored.
  let generation = 0

  const keyOf = (req: Request) =>
    `${req.originalUrl}\u0000${req.get('accept-language') ?? ''}\u0000${/(?:^|;\s*)lng=([^;]*)/.exec(req.get('cookie') ?? '')?.[1] ?? ''}`

  const isAnonymous = (req: Request) =>
    !(req.get('cookie') ?? '')
      .split(';')
      .some((c) => c.trim().startsWith(`${options.sessionCookie}=`))

  function clear() {
    generation++
    entries.clear()
  }

  /** Serves a hit (with the nonce it was rendered with), or records the response on a miss. */
  function middleware(req: Request, res: Response, next: NextFunction) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('finish', () => {
        if (res.statusCode < 400) clear()
      })
      return next()
    }
    const url = new URL(req.originalUrl, 'http://x')
    if (url.searchParams.has('_data') || !options.cacheable(url.pathname) || !isAnonymous(req))
      return next()

    const key = keyOf(req)
    const entry = entries.get(key)
    if (entry && Date.now() - entry.created < maxAge) {
      hits++
      // Re-insert: the Map's order is the LRU order.
      entries.delete(key)
      entries.set(key, entry)
      res.locals.nonce = entry.nonce
      res.locals.cacheHit = true
      const accept = req.get('accept-encoding') ?? ''
      const [body, encoding] = /\bbr\b/.test(accept)
        ? [entry.br, 'br']
        : /\bgzip\b/.test(accept)
          ? [entry.gzip, 'gzip']
          : [entry.body, null]
      res
        .status(200)
        .set(entry.headers)
        .set('X-Page-Cache', 'hit')
        .set('Vary', 'Accept-Encoding, Accept-Language, Cookie')
      if (encoding) res.set('Content-Encoding', encoding)
      res.set('Content-Length', String(body.length))
      return req.method === 'HEAD' ? res.end() : res.end(body)
    }
    misses++
    // HEAD gets an empty body from Remix: never store that as the page.
    if (req.method === 'HEAD') return next()
    const startedAt = generation

    const chunks: Buffer[] = []
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function')
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
      return (end as (...a: unknown[]) => Response)(chunk, ...rest)
    }) as typeof res.end
    res.on('finish', () => {
      const type = String(res.getHeader('content-type') ?? '')
      if (res.statusCode !== 200 || !type.startsWith('text/html') || res.getHeader('set-cookie'))
        return
      if (generation !== startedAt) return
      const body = Buffer.concat(chunks)
      const headers: Record<string, string> = {}
      for (const name of [
        'content-type',
        'content-security-policy',
        'cache-control',
        'content-language',
      ]) {
        const value = res.getHeader(name)
        if (value !== undefined) headers[name] = String(value)
      }
      entries.set(key, {
        created: Date.now(),
        nonce: res.locals.nonce as string,
        headers,
        body,
        br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
        gzip: zlib.gzipSync(body, { level: 6 }),
      })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    })
    res.set('X-Page-Cache', 'miss')
    next()
  }

  return { middleware, clear, stats: () => ({ hits, misses, entries: entries.size }) }
}
