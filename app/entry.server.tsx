import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { stripNulBytes } from '~/services/strip-nul.server'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from '~/context'
import { TranslationProvider } from '~/i18n-react'
import { getLocale, getTranslator } from '~/services/i18n.server'
import { hasSessionCookie } from '~/services/session.server'
import { cacheableVariant, PAGE_CACHE_HEADER } from '~/services/page-cache.server'
import { log, loggablePath } from '~/services/log.server'
import { isDatabaseUnavailable } from '~/db.server'

export { runtime } from '~/runtime.server'

const ABORT_DELAY = 5_000

// A read-only, full or failing disk is the operator's problem, not a bug: the page says so with
// a 503 instead of a 500. handleError sees the original error; the page only a sanitised one.
const unavailableRequests = new WeakSet<Request>()

function markUnavailable(remixContext: EntryContext) {
  const errors = remixContext.staticHandlerContext.errors ?? {}
  for (const routeId of Object.keys(errors)) {
    errors[routeId] = {
      status: 503,
      statusText: 'Service Unavailable',
      internal: false,
      data: null,
    }
  }
}

/** Pages seen with a session cookie are personal: no cache may keep them. */
async function privateWhenSignedIn(request: Request, headers: Headers) {
  if (await hasSessionCookie(request)) headers.set('Cache-Control', 'private, no-store')
}

export const handleDataRequest: HandleDataRequestFunction = async (response, { request }) => {
  await privateWhenSignedIn(request, response.headers)
  if (response.status >= 500 && unavailableRequests.has(request)) {
    response.headers.set('Retry-After', '60')
    return new Response(response.body, { status: 503, headers: response.headers })
  }
  return response
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests and our own thrown 4xx answers are not errors worth a log line.
  if (request.signal.aborted || isRouteErrorResponse(error)) return
  if (isDatabaseUnavailable(error)) unavailableRequests.add(request)
  log.error('unhandled', {
    path: loggablePath(new URL(request.url).pathname),
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  })
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (responseStatusCode >= 500 && unavailableRequests.has(request)) {
    markUnavailable(remixContext)
    responseStatusCode = 503
    responseHeaders.set('Retry-After', '60')
  }
  const nonce = loadContext?.nonce
  const translator = getTranslator(await getLocale(request))
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  await privateWhenSignedIn(request, responseHeaders)
  const variant = await cacheableVariant(request, responseStatusCode, responseHeaders, remixContext)

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <TranslationProvider value={translator}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={nonce}
          />
        </TranslationProvider>
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = stripNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          // Only what is marked here may go into the server's anonymous page cache.
          if (variant && responseStatusCode === 200) responseHeaders.set(PAGE_CACHE_HEADER, variant)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) log.error('render', { error: String(error) })
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
