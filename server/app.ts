import { randomBytes, randomUUID } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'
import expressStaticGzip from 'express-static-gzip'
import helmet from 'helmet'
import { createPageCache } from './page-cache'
import { createRequestHandler } from './remix-handler'
import type { AppBuild, Runtime, ServerEnv } from './runtime'
import { servePublicFiles } from './static'
import { createRequestTurns } from './turns'

export type { AppBuild, Runtime } from './runtime'

export interface AppOptions {
  /** The build, or a function giving the current one (development reloads it). */
  build: AppBuild | (() => Promise<AppBuild>)
  runtime: Runtime
  mode: 'production' | 'development' | 'test'
  /** The site's own origin, e.g. https://utmana.example.se */
  publicOrigin: string
  /** HTTPS sites get HSTS and upgrade-insecure-requests. */
  https: boolean
  trustProxy?: string
  publicDir?: string
  /** Bodies above this many bytes are refused with 413 before anything reads them. */
  maxBodyBytes?: number
  /** Keep anonymous public pages in memory (see page-cache.ts). Default: on in production. */
  pageCache?: boolean
  /** Called after the page cache was emptied for a write this process served. */
  onPageCacheWrite?: () => void
  /**
   * How many writes (any method but GET and HEAD) the app works on at once; the rest queue
   * (server/turns.ts).
   */
  concurrentRequests?: number
  /**
   * How many page reads (GET, HEAD) at once, queued apart from writes. Default: 2 on SQLite,
   * where a read is the page's own CPU time; on PostgreSQL, whose reads wait for the database,
   * as many as writes.
   */
  concurrentReads?: number
  /** The database: it sets the default for `concurrentReads`. Default: SQLite. */
  database?: ServerEnv['database']
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
// Enough to overlap a password hash or a photo's processing (off the main thread) with pages;
// few enough to keep the order fair on two cores.
export const DEFAULT_CONCURRENT_REQUESTS = 4
// Page reads on SQLite wait for nothing but the CPU: two at once keep a signed-in page's p99
// near its median at 32 connections (1.3–1.5×, against 1.7–2.4× with four; bench/tmp runs noted
// in docs/decisions.md), and one slow read cannot hold up every other.
export const DEFAULT_CONCURRENT_SQLITE_READS = 2
const ONE_CLICK_UNSUBSCRIBE = /^\/unsubscribe\/[A-Za-z0-9_-]{20,64}$/
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function refusal(res: Response, status: number, sv: string, en: string) {
  // Answered before the app knows the reader's language or the board's name: both languages.
  const title = `${sv.replace(/\.$/, '')} – ${en.replace(/\.$/, '')}`
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title>` +
        `<meta name="robots" content="noindex"></head>` +
        `<body><main><h1>${status}</h1><p>${sv}</p><p lang="en">${en}</p><p><a href="/">Utmana</a></p></main></body></html>`,
    )
}

/**
 * The production server: Express behind a front door (`respond`) that answers anonymous page
 * cache hits before Express. `listen` is node:http with `respond`, as server/main.ts runs it.
 */
export function createApp(options: AppOptions) {
  const { log, loggablePath, clientKey } = options.runtime
  const app = express()
  const publicDir = options.publicDir ?? path.resolve('public')
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  app.disable('x-powered-by')
  if (options.trustProxy) {
    const value = options.trustProxy
    app.set('trust proxy', /^\d+$/.test(value) ? Number(value) : value === 'true' ? true : value)
  }

  // Request id, CSP nonce and one log line per request.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint()
    res.locals.requestId = randomUUID()
    res.locals.nonce = randomBytes(16).toString('base64')
    res.on('finish', () => {
      log.info('request', {
        id: res.locals.requestId,
        method: req.method,
        path: loggablePath(req.originalUrl),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        bytes: Number(res.getHeader('content-length') ?? 0) || undefined,
        ip: req.ip,
      })
    })
    next()
  })

  // Map tiles are images from the tile server, when one is configured (MAP_TILES_URL).
  const mapTilesOrigin = options.runtime.env().mapTilesOrigin
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.nonce}'`],
          styleSrc: ["'self'"],
          // blob: the photo previews a form shows before posting (URL.createObjectURL); the
          // map's tile server only when one is set.
          imgSrc: ["'self'", 'data:', 'blob:', ...(mapTilesOrigin ? [mapTilesOrigin] : [])],
          fontSrc: ["'self'"],
          connectSrc: options.mode === 'development' ? ["'self'", 'ws:'] : ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          ...(options.https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: options.https
        ? { maxAge: 31536000, includeSubDomains: true }
        : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  )

  // A path with a broken percent-escape (/%FF, /challenges/%C3%28) names nothing we serve;
  // refused here instead of failing inside the router with a 500.
  app.use((req, res, next) => {
    try {
      decodeURIComponent(req.path)
    } catch {
      return refusal(res, 400, 'Adressen är felaktig.', 'The address is malformed.')
    }
    next()
  })

  // Open data is meant to be used by other sites.
  app.use(['/api', '/feed.xml', '/open-data/'], (_req, res, next) => {
    res.set('Cross-Origin-Resource-Policy', 'cross-origin')
    next()
  })

  // For load balancers and monitors: 503 with the reason as soon as reads or writes fail.
  app.get('/healthz', async (_req, res, next) => {
    try {
      const health = await options.runtime.health()
      res
        .status(health.status === 'ok' ? 200 : 503)
        .set('Cache-Control', 'no-store')
        .json(health)
    } catch (error) {
      next(error)
    }
  })

  // CSRF: a state-changing request must come from our own pages.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    // One-click unsubscribe (RFC 8058) is posted by mail programs from their own sites; the
    // secret token in the URL is the authority, and all it can do is stop mail.
    // Remix refuses a foreign Origin on actions by itself, so the header is dropped here.
    if (req.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(req.path)) {
      delete req.headers.origin
      return next()
    }
    const origin = req.get('origin')
    const site = req.get('sec-fetch-site')
    const own = new Set([options.publicOrigin, `${req.protocol}://${req.get('host')}`])
    // Browsers send "Origin: null" from sandboxes and some privacy settings; it passes only
    // when the browser itself vouches that the request is same-origin.
    const foreign =
      origin === 'null' ? site !== 'same-origin' : Boolean(origin) && !own.has(origin!)
    if (foreign || site === 'cross-site') {
      log.warn('csrf_refused', {
        method: req.method,
        path: loggablePath(req.originalUrl),
        origin,
        site,
        ip: req.ip,
      })
      return refusal(
        res,
        403,
        'Begäran kom från en annan webbplats och avvisades.',
        'The request came from another site and was refused.',
      )
    }
    next()
  })

  // Body size: decided from Content-Length before anything reads the body.
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const length = req.get('content-length')
    if (length === undefined && req.get('transfer-encoding')) {
      return refusal(res, 411, 'Begäran saknar längd.', 'The request has no length.')
    }
    // Forms that take photos read multipart up to a larger body, and answer files over their
    // own limits with the form kept (app/services/uploads.server.ts); everything else reads
    // small URL-encoded forms.
    const upload = options.runtime.uploads.accepts(req.path)
    const limit = upload ? options.runtime.uploads.maxBodyBytes : maxBody
    if (length !== undefined && Number(length) > limit) {
      log.warn('body_too_large', {
        path: loggablePath(req.originalUrl),
        bytes: Number(length),
        ip: req.ip,
      })
      res.set('Connection', 'close')
      return refusal(res, 413, 'Det du skickade var för stort.', 'What you sent was too large.')
    }
    const type = req.get('content-type') ?? ''
    const accepted =
      /^application\/x-www-form-urlencoded\b/i.test(type) ||
      (upload && /^multipart\/form-data\b/i.test(type))
    if (!accepted) {
      return refusal(
        res,
        415,
        'Formuläret skickades i ett format som inte stöds.',
        'The form was sent in an unsupported format.',
      )
    }
    next()
  })

  // Fingerprinted build assets: cached for a year, served pre-compressed (see
  // scripts/compress-assets.ts); the rest of public/ for an hour. Development rebuilds the
  // assets, so it looks at the disk each time; elsewhere they are indexed once (server/static.ts).
  if (options.mode === 'development') {
    app.use(
      '/build',
      expressStaticGzip(path.join(publicDir, 'build'), {
        enableBrotli: true,
        orderPreference: ['br', 'gz'],
        serveStatic: { immutable: true, maxAge: '1y', index: false },
      }),
    )
    app.use(express.static(publicDir, { maxAge: '1h', index: false }))
  } else app.use(servePublicFiles(publicDir))

  const pageCache =
    (options.pageCache ?? options.mode === 'production')
      ? createPageCache({
          variantOf: (req) => {
            const url = req.url ?? '/'
            const query = url.indexOf('?')
            return options.runtime.pageCache.variant(
              (name) => {
                const value = req.headers[name]
                return Array.isArray(value) ? value.join(', ') : value
              },
              query === -1 ? url : url.slice(0, query),
            )
          },
          onWrite: options.onPageCacheWrite,
          onHit: (req, res, bytes, startedNs) => {
            // Behind a proxy, Express's own reading of the client's address, as on a miss.
            if (options.trustProxy) Object.setPrototypeOf(req, app.request)
            log.info('request', {
              id: randomUUID(),
              method: req.method,
              path: loggablePath(req.url ?? ''),
              status: res.statusCode,
              ms: Number((process.hrtime.bigint() - startedNs) / 1000n) / 1000,
              bytes,
              ip: options.trustProxy ? (req as Request).ip : req.socket.remoteAddress,
              cache: 'hit',
            })
          },
        })
      : null
  if (pageCache) app.use(pageCache.middleware)

  const getLoadContext = (req: Request, res: Response) => ({
    nonce: res.locals.nonce as string,
    ip: req.ip ?? 'unknown',
    rateKey: clientKey(req.ip),
    requestId: res.locals.requestId as string,
  })
  const build = options.build
  const handlerOptions = {
    mode: options.mode,
    getLoadContext,
    publicOrigin: options.publicOrigin,
    privateHeader: options.runtime.pageCache.header,
    log,
    loggablePath,
  }
  const writes = options.concurrentRequests ?? DEFAULT_CONCURRENT_REQUESTS
  const turns = createRequestTurns({
    writes,
    reads:
      options.concurrentReads ??
      (options.database === 'postgres' ? writes : DEFAULT_CONCURRENT_SQLITE_READS),
  })
  app.all('*', (req, res, next) => turns.take(req, res, next))
  app.all(
    '*',
    typeof build === 'function'
      ? async (req, res, next) => {
          try {
            return await createRequestHandler({ build: await build(), ...handlerOptions })(
              req,
              res,
              next,
            )
          } catch (error) {
            next(error)
          }
        }
      : createRequestHandler({ build, ...handlerOptions }),
  )

  // Last resort, e.g. a request target that is not a path: a plain answer and a JSON line.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error('server_error', {
      path: loggablePath(req.originalUrl),
      error: error instanceof Error ? error.message : String(error),
    })
    if (res.headersSent) return res.end()
    const bad = error instanceof TypeError && /url/i.test(error.message)
    return bad
      ? refusal(res, 400, 'Begäran kunde inte förstås.', 'The request could not be understood.')
      : refusal(res, 500, 'Något gick fel.', 'Something went wrong.')
  })

  /** The server's request handler: a page cache hit at the front door, else Express. */
  const respond = (req: IncomingMessage, res: ServerResponse) => {
    if (pageCache) pageCache.frontDoor(req, res, () => app(req, res))
    else app(req, res)
  }
  const listen = ((...args: Parameters<http.Server['listen']>) =>
    http.createServer(respond).listen(...args)) as typeof app.listen
  // `turns.stats()`: how many reads and writes are inside the app and how many wait.
  return Object.assign(app, { pageCache, respond, listen, turns })
}
