import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import zlib from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'

/**
 * Rendered HTML of public pages, for anonymous visitors and for each member their own copy, with
 * a brotli or gzip copy made the first time a client takes it.
 *
 * - Hits are answered at the front door (`frontDoor`, plain node:http, before Express): the
 *   stored response goes out with every header the miss had (helmet's included, so the CSP
 *   with its nonce, HSTS and the rest are the same), `X-Page-Cache: hit` and the compressed
 *   copy the client accepts. Everything else goes on to Express, where `middleware` stores
 *   what the app marked.
 * - The app decides, not this file (app/services/page-cache.server.ts): `variantOf` says which
 *   copy a request may get (null: none, nothing is served from or stored to the cache), and
 *   only a response the app marked with that same variant is stored
 *   (`res.locals.privateHeader`, taken off the response by server/remix-handler.ts). A 200 HTML
 *   response without Set-Cookie is still required on top. A member's variant names their
 *   session and the database's version, so one user's page is never served to another,
 *   whatever the Cookie header looks like, and never after a write.
 * - Any write that may have changed data (a non-GET request answered below 400 or with a 5xx,
 *   or whose client went away before the answer) empties the cache, so a vote is visible at
 *   once. The front door sees every request, so no write can pass it unseen. This is coarse
 *   but safe. Other processes on the same database hear of it (`onWrite` and the runtime's
 *   signal, app/services/page-cache-signal.server.ts) and call `clear`.
 * - An entry lives at most `maxAgeMs`, which also bounds how long its CSP nonce is reused.
 * - One render per page at a time: while a page known to be cacheable is being rendered (after
 *   it expired or a write emptied the cache), other requests for it wait for that render and
 *   get its copy, instead of 32 connections rendering the same search at once. And in the last
 *   `refreshMs` of an entry's life, one request renders it anew while the others are still
 *   served the valid copy, so under steady traffic a page never expires for everyone at once.
 */
export interface PageCacheOptions {
  maxEntries?: number
  maxAgeMs?: number
  /** How long before the end of an entry's life one request renders it anew. */
  refreshMs?: number
  /** How long a request waits for another's render of the same page before rendering it. */
  waitMs?: number
  /**
   * The app's answer from the request's headers: the variant (language) this request may get,
   * or null for none; synchronous when the app already knows the answer.
   */
  variantOf(req: IncomingMessage): string | null | Promise<string | null>
  /**
   * Called after this process emptied the cache for a write it served, to tell the other
   * processes on the same database (they call `clear` when they hear of it).
   */
  onWrite?(): void
  /** Called after a hit went out (the request log line). */
  onHit?(req: IncomingMessage, res: ServerResponse, bytes: number, startedNs: bigint): void
}

interface Entry {
  created: number
  /** The response headers, but the body's length and encoding. */
  headers: OutgoingHttpHeaders
  body: Buffer
  /** The body as it is, with its headers. */
  plain: [Buffer, OutgoingHttpHeaders]
  /** Compressed copies with their headers, each made when a client first takes it. */
  copies: Partial<Record<'br' | 'gzip', [Buffer, OutgoingHttpHeaders]>>
}

/** Per-connection or per-body headers a stored response must not replay. */
const NOT_REPLAYED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'x-page-cache',
  'vary',
  'set-cookie',
])
const VARY = 'Accept-Encoding, Accept-Language, Cookie'

/** The compressed copy a client takes, hit or miss alike. */
function acceptedEncoding(req: IncomingMessage): 'br' | 'gzip' | null {
  const accept = req.headers['accept-encoding'] ?? ''
  return /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
}

/** A page's stored response; compressed copies are made as clients ask for them. */
function makeEntry(body: Buffer, headers: OutgoingHttpHeaders): Entry {
  const plain: [Buffer, OutgoingHttpHeaders] = [body, { ...headers, 'content-length': body.length }]
  return { created: Date.now(), headers, body, plain, copies: {} }
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
    : zlib.gzipSync(body, { level: 6 })
}

/**
 * The copy of an entry a client takes (brotli, gzip or plain), with its headers. Each is made
 * once, at the first request for it: a member's copy is mostly read by one browser, which takes
 * one encoding, so the others would only take memory.
 */
function copyFor(req: IncomingMessage, entry: Entry): [Buffer, OutgoingHttpHeaders] {
  const encoding = acceptedEncoding(req)
  if (encoding === null) return entry.plain
  let copy = entry.copies[encoding]
  if (!copy) {
    const bytes = compress(entry.body, encoding)
    copy = [
      bytes,
      { ...entry.headers, 'content-encoding': encoding, 'content-length': bytes.length },
    ]
    entry.copies[encoding] = copy
  }
  return copy
}

/** A chunk as res.write/res.end take it, as bytes. */
function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
  )
}

/** Whether a request target asks for a Remix data response (`?_data=…`), never a document. */
function isDataRequest(url: string): boolean {
  const query = url.indexOf('?')
  return query !== -1 && new URLSearchParams(url.slice(query + 1)).has('_data')
}

export function createPageCache(options: PageCacheOptions) {
  const maxEntries = options.maxEntries ?? 500
  const maxAge = options.maxAgeMs ?? 30_000
  const refresh = options.refreshMs ?? 5_000
  const waitMs = options.waitMs ?? 5_000
  const entries = new Map<string, Entry>()
  // Pages being rendered for the cache, with the requests waiting for them.
  const rendering = new Map<string, Array<() => void>>()
  // Keys stored at least once: only these are worth waiting for (a page the app never marks,
  // such as /login, goes straight on).
  const known = new Set<string>()
  let hits = 0
  let misses = 0
  // Bumped by every write: a page that was rendering while a write happened is not stored.
  let generation = 0
  // The front door's answer for a request that goes on to Express, so the middleware does not
  // ask again (on PostgreSQL a member's answer is a round trip). Read before the render, as the
  // middleware's own would be: a write in between changes the mark, and nothing is kept.
  const askedAtTheDoor = new WeakMap<IncomingMessage, string | null>()

  function clear() {
    generation++
    entries.clear()
  }

  /** The entry if it is still valid (an expired one is dropped). */
  function fresh(key: string): Entry | undefined {
    const entry = entries.get(key)
    if (entry && Date.now() - entry.created >= maxAge) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  function serve(req: IncomingMessage, res: ServerResponse, key: string, startedNs: bigint) {
    const entry = fresh(key)
    if (!entry) return false
    hits++
    // Re-insert: the Map's order is the LRU order.
    entries.delete(key)
    entries.set(key, entry)
    const [body, headers] = copyFor(req, entry)
    res.writeHead(200, headers)
    if (req.method === 'HEAD') res.end()
    else res.end(body)
    options.onHit?.(req, res, body.length, startedNs)
    return true
  }

  /**
   * The front door: answers a fresh hit here and now; anything else goes to `next` (Express).
   * Also watches every write, to empty the cache after it.
   */
  function frontDoor(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const method = req.method
    if (method !== 'GET' && method !== 'HEAD') {
      // 'close' comes after 'finish', and alone when the client went away first: the action may
      // have committed all the same. A 5xx may also follow a commit; a 4xx wrote nothing.
      res.on('close', () => {
        if (!res.writableFinished || res.statusCode < 400 || res.statusCode >= 500) {
          clear()
          options.onWrite?.()
        }
      })
      return next()
    }
    const url = req.url ?? ''
    if ((entries.size === 0 && rendering.size === 0 && known.size === 0) || isDataRequest(url))
      return next()
    const startedNs = process.hrtime.bigint()
    let variant: string | null | Promise<string | null>
    try {
      variant = options.variantOf(req)
    } catch {
      return next()
    }
    // On to Express with the answer, so the middleware does not ask again; a hit needs neither.
    const onWith = (answer: string | null) => () => {
      askedAtTheDoor.set(req, answer)
      next()
    }
    if (variant instanceof Promise) {
      variant.then(
        (answer) =>
          answer === null
            ? onWith(null)()
            : lookUp(req, res, `${url}\u0000${answer}`, onWith(answer), startedNs),
        // The app answers the request itself (a 503 when the database is down).
        onWith(null),
      )
      return
    }
    if (variant === null) onWith(null)()
    else lookUp(req, res, `${url}\u0000${variant}`, onWith(variant), startedNs)
  }

  function lookUp(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    next: () => void,
    startedNs: bigint,
  ) {
    const entry = fresh(key)
    const get = req.method === 'GET'
    if (entry) {
      // Near its end: this request renders the page anew, the others keep getting this copy.
      if (get && Date.now() - entry.created >= maxAge - refresh && !rendering.has(key)) {
        return renderFor(key, res, next)
      }
      serve(req, res, key, startedNs)
      return
    }
    const waiting = rendering.get(key)
    if (waiting) {
      waiting.push(() => {
        if (!serve(req, res, key, startedNs)) next()
      })
      return
    }
    if (get && known.has(key)) return renderFor(key, res, next)
    next()
  }

  /** Lets this request render `key` while others for it wait (at most `waitMs`). */
  function renderFor(key: string, res: ServerResponse, next: () => void) {
    const waiting: Array<() => void> = []
    rendering.set(key, waiting)
    // The copy is stored at 'finish', before 'close': the waiters find it.
    const release = () => {
      clearTimeout(timer)
      if (rendering.get(key) === waiting) rendering.delete(key)
      // Not stored (the page is no longer cacheable, or a write came first): not worth waiting for.
      if (!entries.has(key)) known.delete(key)
      for (const resume of waiting.splice(0)) resume()
    }
    const timer = setTimeout(release, waitMs)
    res.on('close', release)
    next()
  }

  function store(key: string, entry: Entry) {
    entries.set(key, entry)
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    known.delete(key)
    known.add(key)
    while (known.size > maxEntries * 4) known.delete(known.keys().next().value!)
  }

  /**
   * Express middleware: stores the response the app marked as cacheable, and sends it in the
   * encoding the client takes.
   */
  async function middleware(req: Request, res: Response, next: NextFunction) {
    // HEAD gets an empty body from Remix: never store that as the page. Data requests never
    // render a document, so they are never marked.
    if (req.method !== 'GET' || isDataRequest(req.originalUrl)) return next()
    let variant: string | null
    try {
      variant = askedAtTheDoor.has(req)
        ? (askedAtTheDoor.get(req) as string | null)
        : await options.variantOf(req)
    } catch {
      // Not kept; the app answers the request itself (a 503 when the database is down).
      return next()
    }
    if (variant === null) return next()

    const key = `${req.originalUrl}\u0000${variant}`
    const startedAt = generation
    // Whether to keep the body is known once the app's headers are in, at the first write. A
    // kept page is held back until its end: it is compressed once, stored, and the copy the
    // client accepts goes out, so a miss is as small on the wire as a hit (the first visitor's
    // ~16 KB challenge page was ~4 KB; Lighthouse's text compression, issue 13). Pages render
    // to one string (app/entry.server.tsx), so holding them back delays nothing.
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
    const callbackIn = (args: unknown[]) =>
      args.find((a) => typeof a === 'function') as (() => void) | undefined
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!decide()) return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
      chunks.push(toBuffer(chunk, rest[0]))
      const callback = callbackIn(rest)
      if (callback) process.nextTick(callback)
      return true
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (!decide()) return (end as (...a: unknown[]) => Response)(chunk, ...rest)
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
        chunks.push(toBuffer(chunk, rest[0]))
      const callback = callbackIn([chunk, ...rest])
      const body = Buffer.concat(chunks)
      const type = String(res.getHeader('content-type') ?? '')
      const cacheable =
        res.statusCode === 200 &&
        type.startsWith('text/html') &&
        !res.getHeader('set-cookie') &&
        !res.getHeader('content-encoding')
      if (!cacheable) {
        res.setHeader('Content-Length', body.length)
        return end(body, callback)
      }
      // Every header the miss goes out with (helmet's, the app's), as it sends them.
      const headers: OutgoingHttpHeaders = {}
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value !== undefined && !NOT_REPLAYED.has(name)) headers[name] = value
      }
      headers['x-page-cache'] = 'hit'
      headers.vary = VARY
      const entry = makeEntry(body, headers)
      // A write while this page rendered: it may show data from before, so it is not kept.
      if (generation === startedAt) store(key, entry)
      const [sent, sentHeaders] = copyFor(req, entry)
      for (const [name, value] of Object.entries(sentHeaders))
        if (name !== 'x-page-cache' && value !== undefined) res.setHeader(name, value)
      res.removeHeader('Transfer-Encoding')
      return end(sent, callback)
    }) as typeof res.end
    next()
  }

  return {
    frontDoor,
    middleware,
    clear,
    stats: () => ({ hits, misses, entries: entries.size }),
  }
}
