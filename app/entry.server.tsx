import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToString } from 'react-dom/server'
import { NonceContext } from '~/context'
import { TranslationProvider } from '~/i18n-react'
import { getLocale, getTranslator } from '~/services/i18n.server'
import { hasSessionCookie } from '~/services/session.server'
import { cacheableVariant, PAGE_CACHE_HEADER } from '~/services/page-cache.server'
import { log, loggablePath } from '~/services/log.server'
import { isDatabaseUnavailable } from '~/db.server'

export { runtime } from '~/runtime.server'

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
  await privateWhenSignedIn(request, responseHeaders)
  const variant = await cacheableVariant(request, responseStatusCode, responseHeaders, remixContext)

  // Rendered to one string: no route defers data, so the stream renderer only ever waited for
  // the whole page, and its stream layers and per-request abort timer cost a signed-in page about
  // a tenth of its time (issue 11, bench/profile.ts). A string also cannot carry the stray NUL
  // bytes React 18.3's stream renderer wrote (the filter for them went with it).
  // The render waits one event-loop turn first: queued requests then start one per turn, so the
  // server goes on reading sockets (and answering /healthz) between pages instead of after the
  // whole queue.
  await new Promise((resolve) => setImmediate(resolve))
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <TranslationProvider value={translator}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </TranslationProvider>
    </NonceContext.Provider>,
  )
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
  // Only what is marked here may go into the server's anonymous page cache.
  if (variant && responseStatusCode === 200) responseHeaders.set(PAGE_CACHE_HEADER, variant)
  return new Response(`<!DOCTYPE html>${html}`, {
    headers: responseHeaders,
    status: responseStatusCode,
  })
}
