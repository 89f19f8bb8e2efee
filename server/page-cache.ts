import zlib from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'

/**
 * Rendered HTML of anonymous public pages, with brotli and gzip copies made once per entry.
 *
 * - The app decides, not this file (app/services/page-cache.server.ts): `variantOf` says which
 *   copy a request may get (null: it carries a session, so nothing is served from or stored to
 *   the cache), and only a response the app marked with that same variant is stored
 *   (`res.locals.privateHeader`, taken off the response by server/remix-handler.ts). A 200 HTML
 *   response without Set-Cookie is still required on top. So one user's page is never served
 *   to another, whatever the Cookie header looks like.
 * - Any write that may have changed data (a non-GET request answered below 400 or with a 5xx,
 *   or whose client went away before the answer) empties the cache, so a vote is visible at
 *   once. This is coarse but safe for one process; several processes behind one database
 *   would each need to hear about writes.
 * - An entry lives at most `maxAgeMs`, which also bounds how long its CSP nonce is reused.
 */
export interface PageCacheOptions {
  maxEntries?: number
  maxAgeMs?: number
  /** The app's answer: the variant (language) this request may get, or null for none. */
  variantOf(req: Request): Promise<string | null>
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

  function clear() {
    generation++
    entries.clear()
  }

  /** Serves a hit (with the nonce it was rendered with), or records a marked response. */
  async function middleware(req: Request, res: Response, next: NextFunction) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // 'close' comes after 'finish', and alone when the client went away first: the action may
      // have committed all the same. A 5xx may also follow a commit; a 4xx wrote nothing.
      res.on('close', () => {
        if (!res.writableFinished || res.statusCode < 400 || res.statusCode >= 500) clear()
      })
      return next()
    }
    // Data requests never render a document, so they are never marked; skip the look-up.
    if (new URL(req.originalUrl, 'http://x').searchParams.has('_data')) return next()
    let variant: string | null
    try {
      variant = await options.variantOf(req)
    } catch (error) {
      return next(error)
    }
    if (variant === null) return next()

    const key = `${req.originalUrl}\u0000${variant}`
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
    // HEAD gets an empty body from Remix: never store that as the page.
    if (req.method === 'HEAD') return next()
    const startedAt = generation

    // Whether to keep the body is known once the app's headers are in, at the first write.
    let keep: boolean | undefined
    const chunks: Buffer[] = []
    const write = res.write.bind(res)
    const end = res.end.bind(res)
    const decide = () => {
      if (keep !== undefined) return keep
      keep = !res.headersSent && res.locals.privateHeader === variant
      if (keep) {
        misses++
        res.set('X-Page-Cache', 'miss')
      } else {
        res.write = write
        res.end = end
      }
      return keep
    }
    const collect = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function' && decide())
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk)
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk)
      return (end as (...a: unknown[]) => Response)(chunk, ...rest)
    }) as typeof res.end
    res.on('finish', () => {
      if (!keep || generation !== startedAt) return
      const type = String(res.getHeader('content-type') ?? '')
      if (res.statusCode !== 200 || !type.startsWith('text/html') || res.getHeader('set-cookie'))
        return
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
    next()
  }

  return { middleware, clear, stats: () => ({ hits, misses, entries: entries.size }) }
}
