import { collectPersonalData } from '~/models/personal-data.server'
import { log } from '~/services/log.server'
import { requireUser } from '~/services/session.server'

/** Everything stored about the signed-in user, as a JSON file to keep. */
export async function myDataDownload(request: Request): Promise<Response> {
  const user = await requireUser(request)
  const now = new Date()
  const data = await collectPersonalData(user.id, now)
  if (!data) throw new Response('Not found', { status: 404 })
  log.info('personal_data_export', { userId: user.id })
  const day = now.toISOString().slice(0, 10)
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="utmana-my-data-${day}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}

/**
 * Whether a request for `/me/data` asks for the file rather than the page (`?format=json`, or
 * an Accept header with application/json and not HTML): such a client is sent to the file.
 */
export function asksForJson(request: Request): boolean {
  const url = new URL(request.url)
  if (url.searchParams.get('format') === 'json') return true
  const accept = request.headers.get('Accept') ?? ''
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept)
}
