import type { LoaderFunctionArgs } from '@remix-run/node'
import { dumpJsonPieces } from '~/models/open-data-dump.server'
import { attachment, DownloadCancelled, textStream } from '~/services/csv.server'
import { log } from '~/services/log.server'
import { refuseDownload } from '~/services/rate-limit.server'

/**
 * GET /open-data/challenges.json: every public challenge, public fields only, under CC0.
 * Streamed: the JSON is written object by object as the database pages are read.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const refused = await refuseDownload(request, context.rateKey, {
    'Access-Control-Allow-Origin': '*',
  })
  if (refused) return refused
  const body = textStream(
    dumpJsonPieces(),
    (error) => {
      if (error instanceof Error && !(error instanceof DownloadCancelled))
        log.error('open_data_dump_failed', { format: 'json', error: error.message })
    },
    request.signal,
  )
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachment('utmana-challenges.json'),
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
