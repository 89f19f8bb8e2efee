import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import type { Runtime } from './runtime'

/**
 * Remix's Express adapter (@remix-run/express 2.17), except that file downloads
 * (`Content-Disposition: attachment`) are piped with backpressure: the adapter writes each
 * chunk without waiting for the socket, so a slow client downloading a large export would make
 * the whole file pile up in memory. The adapter does not export its request/response helpers,
 * hence the copy of `createRemixRequest` below.
 */
export function createRequestHandler(options: {
  build: ServerBuild
  mode: string
  getLoadContext: (req: Request, res: Response) => AppLoadContext
  /** The site's own origin (PUBLIC_URL): the only origin the app's requests carry. */
  publicOrigin: string
  /** A header the app sets for the server alone: kept in `res.locals.privateHeader`, never sent. */
  privateHeader?: string
  log: Runtime['log']
  loggablePath: Runtime['loggablePath']
}) {
  const { log, loggablePath } = options
  const handle = createRemixHandler(options.build, options.mode)
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handle(
        createRemixRequest(req, res, options.publicOrigin),
        options.getLoadContext(req, res),
      )
      res.statusMessage = response.statusText
      res.status(response.status)
      for (const [key, value] of response.headers.entries()) {
        if (key === options.privateHeader) res.locals.privateHeader = value
        else res.append(key, value)
      }
      if (!response.body) return void res.end()
      if (/^attachment/i.test(response.headers.get('Content-Disposition') ?? '')) {
        // A client that goes away ends the pipeline ("premature close"), and cancelling the
        // stream stops the reads; anything else broke the file half-way and is worth a line.
        await pipeline(
          Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>),
          res,
        ).catch((error: NodeJS.ErrnoException) => {
          if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') return
          log.error('download_failed', {
            path: loggablePath(req.originalUrl),
            error: String(error),
          })
        })
        return
      }
      await writeReadableStreamToWritable(response.body, res)
    } catch (error) {
      next(error)
    }
  }
}

/** The request as the app sees it: its headers, under the site's own origin. */
function createFetchRequest(
  req: IncomingMessage & { originalUrl?: string },
  publicOrigin: string,
  init: RequestInit & { duplex?: 'half' } = {},
): globalThis.Request {
  // The origin is PUBLIC_URL's, never Host or X-Forwarded-Host: whatever the app builds from
  // request.url (a share link, a canonical URL) must not name a host a client made up.
  // Only an origin-form target ("/path?query"): "@evil.example/" or an absolute URL after the
  // origin would change its host.
  const target = req.originalUrl ?? req.url ?? ''
  if (!target.startsWith('/')) throw new TypeError('Invalid URL: not a path')
  const url = new URL(`${publicOrigin}${target}`)
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value)
  }
  return new Request(url.href, { method: req.method ?? 'GET', headers, ...init })
}

function createRemixRequest(req: Request, res: Response, publicOrigin: string) {
  let controller: AbortController | null = new AbortController()
  const init: RequestInit & { duplex?: 'half' } = { signal: controller.signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable(req)
    init.duplex = 'half'
  }
  // Abort loaders and actions when the client goes away before the response is finished.
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  return createFetchRequest(req, publicOrigin, init)
}
