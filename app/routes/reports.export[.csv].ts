import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseReportQuery } from '~/forms/report-filters'
import { exportHeader, recordReportExport, reportExportRows } from '~/models/report-export.server'
import { resolveReportFilters, UnknownReportFilter } from '~/models/report-filters.server'
import { csvResponse, DownloadCancelled } from '~/services/csv.server'
import { getLocale, getTranslator } from '~/services/i18n.server'
import { log } from '~/services/log.server'
import { refuseDownload } from '~/services/rate-limit.server'
import { requireModerator } from '~/services/session.server'

const badRequest = (text: string) =>
  new Response(`${text}\n`, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/** GET /reports/export.csv: the report's challenges as a spreadsheet (moderators and admins). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireModerator(request)
  const locale = await getLocale(request)
  const { t } = getTranslator(locale)

  const parsed = parseReportQuery(new URL(request.url))
  if (!parsed.ok) {
    const keys = Object.values(parsed.errors).flat()
    return badRequest(keys.map((key) => t(key.split('?')[0]!, queryValues(key))).join('\n'))
  }
  let filters
  try {
    filters = await resolveReportFilters(parsed.filters)
  } catch (error) {
    if (error instanceof UnknownReportFilter) return badRequest(t('exports.unknownFilter'))
    throw error
  }

  // Counted once the query is known to be good: a refused query costs nothing.
  const refused = await refuseDownload(request, `user:${user.id}`)
  if (refused) return refused
  const ip = context.ip ?? null
  return csvResponse({
    filename: `utmana-challenges-${filters.from}-${filters.to}.csv`,
    header: exportHeader(t),
    rows: reportExportRows(filters, locale, t),
    signal: request.signal,
    headers: { 'Cache-Control': 'private, no-store' },
    onDone(rows, error) {
      const complete = error === undefined
      log.info('report_exported', { userId: user.id, filters: parsed.filters, rows, complete })
      if (error !== undefined && !(error instanceof DownloadCancelled))
        log.error('report_export_failed', { userId: user.id, error: String(error) })
      recordReportExport({ userId: user.id, filters: parsed.filters, rows, complete, ip }).catch(
        (e: unknown) => log.error('audit_failed', { action: 'report_exported', error: String(e) }),
      )
    },
  })
}

/** `reports.errors.tooLong?max=1830` → { max: '1830' } */
function queryValues(key: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(key.split('?')[1] ?? ''))
}
