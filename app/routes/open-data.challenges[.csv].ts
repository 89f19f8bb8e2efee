import type { LoaderFunctionArgs } from '@remix-run/node'
import { dumpCsvRows } from '~/models/open-data-dump.server'
import { DUMP_CSV_COLUMNS } from '~/models/open-data-fields'
import { csvResponse, DownloadCancelled } from '~/services/csv.server'
import { log } from '~/services/log.server'
import { refuseDownload } from '~/services/rate-limit.server'

/**
 * GET /open-data/challenges.csv: the JSON dump's records flattened for spreadsheets. The
 * header row is the field names (not translated: they are the data's stable names).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const refused = await refuseDownload(request, context.rateKey, {
    'Access-Control-Allow-Origin': '*',
  })
  if (refused) return refused
  return csvResponse({
    filename: 'utmana-challenges.csv',
    header: [...DUMP_CSV_COLUMNS],
    rows: dumpCsvRows(),
    signal: request.signal,
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
    onDone(_rows, error) {
      if (error instanceof Error && !(error instanceof DownloadCancelled))
        log.error('open_data_dump_failed', { format: 'csv', error: error.message })
    },
  })
}
