import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { BarChart } from '~/components/charts/BarChart'
import { ChartFigure } from '~/components/charts/ChartFigure'
import { DataTable } from '~/components/charts/DataTable'
import { Legend } from '~/components/charts/Legend'
import { LineChart } from '~/components/charts/LineChart'
import { SERIES_COLOURS } from '~/components/charts/palette'
import { StackedBarChart } from '~/components/charts/StackedBarChart'
import { useTranslation } from '~/i18n-react'
import { REPORT_STATUSES, type ReportData } from '~/models/report-constants'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '~/utils/format'

// The report itself, section by section: each a chart with its caption and a table of the
// same numbers. /reports renders it under its filter form.

export function useFormats() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const number = (n: number) => formatNumber(n, locale)
  const day = (isoDay: string, style: 'long' | 'short' = 'long') =>
    formatDate(`${isoDay}T12:00:00Z`, locale, style)
  /** Days when a day or more, hours below (one decimal). */
  const duration = (days: number | null) => {
    if (days === null) return t('reports.none')
    if (days < 1) return t('reports.hours', { value: number(Math.round(days * 240) / 10) })
    const rounded = Math.round(days * 10) / 10
    return t('reports.days', { count: rounded, value: number(rounded) })
  }
  const percent = (share: number) => formatPercent(share, locale)
  return { locale, number, day, duration, percent }
}

function Section(props: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="report-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {props.children}
    </section>
  )
}

/** The table after a chart: open by default, can be folded away. */
function Numbers({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <details className="chart-numbers" open>
      <summary>{t('reports.showTable')}</summary>
      {children}
    </details>
  )
}

export function Report({
  filters,
  query,
  report,
  computedAt,
}: {
  filters: { from: string; to: string }
  query: string
  report: ReportData
  computedAt: string
}) {
  const { t } = useTranslation()
  const f = useFormats()
  const name = (o: { name_sv: string; name_en: string }) =>
    f.locale === 'en' ? o.name_en : o.name_sv
  const statusSeries = REPORT_STATUSES.map((s, i) => ({
    key: s,
    label: t(`status.${s}`),
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
  }))
  return (
    <>
      <div className="report-summary">
        <p className="report-range">
          <strong>
            {t('reports.range', { from: f.day(filters.from), to: f.day(filters.to) })}
          </strong>
          {' · '}
          <span data-testid="report-total" data-value={report.total}>
            {t('reports.counted', { count: report.total })}
          </span>
        </p>
        <p className="hint">
          {t('reports.computedAt', { time: formatDateTime(computedAt, f.locale) })}
        </p>
        <p>
          <a className="button secondary" href={`/reports/export.csv?${query}`} download>
            {t('reports.download')}
          </a>
        </p>
      </div>
      {report.total === 0 ? (
        <p className="report-empty" role="status">
          {t('reports.noMatch')}
        </p>
      ) : (
        <>
          <WeeklySection report={report} series={statusSeries} />
          <TaxonomySection id="categories" items={report.categories} name={name} />
          <TaxonomySection id="areas" items={report.areas} name={name} />
          <PlacesSection report={report} name={name} />
          <DepartmentSection report={report} />
          <BacklogSection report={report} />
          <SolvedSection report={report} />
          <TopSection report={report} />
        </>
      )}
      <EngagementSection report={report} />
    </>
  )
}

function WeeklySection({
  report,
  series,
}: {
  report: ReportData
  series: Array<{ key: string; label: string; colour: string }>
}) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'weekly'
  return (
    <Section id={id} heading={t('reports.weekly.heading')}>
      <ChartFigure
        id={id}
        caption={t('reports.weekly.caption')}
        chart={
          <>
            <Legend series={series} />
            <StackedBarChart
              labelledBy={`${id}-caption`}
              columns={report.weeks.map((w) => ({
                key: w.week,
                label: f.day(w.week, 'short').replace(/^\d{4}-|\/\d{4}$/g, ''),
                values: w.counts,
              }))}
              series={series}
              format={f.number}
            />
          </>
        }
      >
        <Numbers>
          <DataTable
            id="weekly-table"
            caption={t('reports.weekly.table')}
            rowHeader={t('reports.weekly.week')}
            columns={[
              ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })),
              { key: 'total', label: t('reports.total'), numeric: true },
            ]}
            rows={report.weeks.map((w) => ({
              key: w.week,
              header: f.day(w.week),
              cells: [
                ...series.map((s) => {
                  const n = w.counts[s.key as keyof typeof w.counts]
                  return { value: n, text: f.number(n) }
                }),
                { value: w.total, text: f.number(w.total) },
              ],
            }))}
          />
        </Numbers>
      </ChartFigure>
    </Section>
  )
}

function TaxonomySection({
  id,
  items,
  name,
}: {
  id: 'categories' | 'areas'
  items: ReportData['categories']
  name: (o: { name_sv: string; name_en: string }) => string
}) {
  const { t } = useTranslation()
  const f = useFormats()
  return (
    <Section id={id} heading={t(`reports.${id}.heading`)}>
      <ChartFigure
        id={id}
        caption={t(`reports.${id}.caption`)}
        chart={
          <BarChart
            labelledBy={`${id}-caption`}
            items={items.map((i) => ({ key: i.slug, label: name(i), value: i.count }))}
            format={f.number}
          />
        }
      >
        <Numbers>
          <DataTable
            id={`${id}-table`}
            caption={t(`reports.${id}.table`)}
            rowHeader={t(`reports.${id === 'categories' ? 'category' : 'area'}`)}
            columns={[{ key: 'count', label: t('reports.count'), numeric: true }]}
            rows={items.map((i) => ({
              key: i.slug,
              header: name(i),
              cells: [{ value: i.count, text: f.number(i.count) }],
            }))}
          />
        </Numbers>
      </ChartFigure>
    </Section>
  )
}

/** Where the challenges are: per area, with coordinates and without (a table, no map). */
function PlacesSection({
  report,
  name,
}: {
  report: ReportData
  name: (o: { name_sv: string; name_en: string }) => string
}) {
  const { t } = useTranslation()
  const f = useFormats()
  const located = report.places.reduce((sum, p) => sum + p.located, 0)
  return (
    <Section id="places" heading={t('reports.places.heading')}>
      <p>
        {t('reports.places.summary', {
          located: f.number(located),
          total: f.number(report.total),
          share: f.percent(report.total ? located / report.total : 0),
        })}
      </p>
      <DataTable
        id="places-table"
        caption={t('reports.places.table')}
        rowHeader={t('reports.area')}
        columns={[
          { key: 'located', label: t('reports.places.located'), numeric: true },
          { key: 'unlocated', label: t('reports.places.unlocated'), numeric: true },
        ]}
        rows={report.places.map((p) => ({
          key: p.slug,
          header: name(p),
          cells: [
            { value: p.located, text: f.number(p.located) },
            { value: p.unlocated, text: f.number(p.unlocated) },
          ],
        }))}
      />
    </Section>
  )
}

function DepartmentSection({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'departments'
  const label = (d: ReportData['departments'][number]) =>
    d.name ?? t('reports.departments.notRouted')
  const responded = report.departments.filter((d) => d.responseMedian !== null)
  const days = (value: number | null) => ({
    value: value === null ? null : Math.round(value * 1e6) / 1e6,
    text: f.duration(value),
  })
  return (
    <Section id={id} heading={t('reports.departments.heading')}>
      <ChartFigure
        id={id}
        caption={t('reports.departments.caption')}
        chart={
          responded.length ? (
            <BarChart
              labelledBy={`${id}-caption`}
              items={responded.map((d) => ({
                key: d.id ?? 'none',
                label: label(d),
                value: Math.round(d.responseMedian! * 10) / 10,
              }))}
              format={f.number}
            />
          ) : (
            <p>{t('reports.departments.noResponses')}</p>
          )
        }
      >
        <Numbers>
          <DataTable
            id="departments-table"
            caption={t('reports.departments.table')}
            rowHeader={t('reports.departments.department')}
            columns={[
              { key: 'count', label: t('reports.count'), numeric: true },
              { key: 'responded', label: t('reports.departments.responded'), numeric: true },
              {
                key: 'responseMedian',
                label: t('reports.departments.responseMedian'),
                numeric: true,
              },
              { key: 'responseP90', label: t('reports.departments.responseP90'), numeric: true },
              { key: 'solved', label: t('reports.departments.solved'), numeric: true },
              { key: 'solveMedian', label: t('reports.departments.solveMedian'), numeric: true },
              { key: 'solveP90', label: t('reports.departments.solveP90'), numeric: true },
            ]}
            rows={report.departments.map((d) => ({
              key: d.id ?? 'none',
              header: label(d),
              cells: [
                { value: d.count, text: f.number(d.count) },
                { value: d.responded, text: f.number(d.responded) },
                days(d.responseMedian),
                days(d.responseP90),
                { value: d.solved, text: f.number(d.solved) },
                days(d.solveMedian),
                days(d.solveP90),
              ],
            }))}
          />
        </Numbers>
      </ChartFigure>
    </Section>
  )
}

function BacklogSection({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'backlog'
  return (
    <Section id={id} heading={t('reports.backlog.heading')}>
      <ChartFigure
        id={id}
        caption={t('reports.backlog.caption')}
        chart={
          <BarChart
            labelledBy={`${id}-caption`}
            items={report.backlog.map((b) => ({
              key: b.bucket,
              label: t(`reports.backlog.${b.bucket}`),
              value: b.count,
            }))}
            format={f.number}
            colour={SERIES_COLOURS[1]}
          />
        }
      >
        <Numbers>
          <DataTable
            id="backlog-table"
            caption={t('reports.backlog.table')}
            rowHeader={t('reports.backlog.age')}
            columns={[{ key: 'count', label: t('reports.count'), numeric: true }]}
            rows={report.backlog.map((b) => ({
              key: b.bucket,
              header: t(`reports.backlog.${b.bucket}`),
              cells: [{ value: b.count, text: f.number(b.count) }],
            }))}
          />
        </Numbers>
      </ChartFigure>
    </Section>
  )
}

function SolvedSection({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'solved'
  const share = report.total ? report.solved / report.total : 0
  return (
    <Section id={id} heading={t('reports.solved.heading')}>
      <p
        className="report-share"
        data-testid="share-solved"
        data-solved={report.solved}
        data-total={report.total}
        data-value={share}
      >
        {t('reports.solved.share', {
          // "1 av 1 utmaning är löst": the total decides the noun's number.
          count: report.total,
          solved: f.number(report.solved),
          total: f.number(report.total),
          share: f.percent(share),
        })}
      </p>
      {report.solvers.length ? (
        <ChartFigure
          id={id}
          caption={t('reports.solved.caption')}
          chart={
            <BarChart
              labelledBy={`${id}-caption`}
              items={report.solvers.map((o) => ({ key: o.slug, label: o.name, value: o.count }))}
              format={f.number}
              colour={SERIES_COLOURS[2]}
            />
          }
        >
          <Numbers>
            <DataTable
              id="solvers-table"
              caption={t('reports.solved.table')}
              rowHeader={t('reports.solved.organisation')}
              columns={[{ key: 'count', label: t('reports.count'), numeric: true }]}
              rows={report.solvers.map((o) => ({
                key: o.slug,
                header: <Link to={`/organisations/${o.slug}`}>{o.name}</Link>,
                cells: [{ value: o.count, text: f.number(o.count) }],
              }))}
            />
          </Numbers>
        </ChartFigure>
      ) : (
        <p>{t('reports.solved.none')}</p>
      )}
      <p data-testid="fixed-answers">
        {t('reports.solved.fixedAnswers', {
          fixed: f.number(report.fixedAnswers.fixed),
          notFixed: f.number(report.fixedAnswers.notFixed),
        })}
      </p>
    </Section>
  )
}

function TopSection({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'top'
  return (
    <Section id={id} heading={t('reports.top.heading')}>
      {report.topOpen.length ? (
        <ChartFigure
          id={id}
          caption={t('reports.top.caption')}
          chart={
            <BarChart
              labelledBy={`${id}-caption`}
              items={report.topOpen.map((c) => ({ key: c.id, label: c.title, value: c.votes }))}
              format={f.number}
              colour={SERIES_COLOURS[3]}
            />
          }
        >
          <Numbers>
            <DataTable
              id="top-table"
              caption={t('reports.top.table')}
              rowHeader={t('reports.top.challenge')}
              columns={[
                { key: 'status', label: t('reports.top.status') },
                { key: 'votes', label: t('reports.top.votes'), numeric: true },
              ]}
              rows={report.topOpen.map((c) => ({
                key: c.id,
                header: <Link to={`/challenges/${c.id}`}>{c.title}</Link>,
                cells: [
                  { value: c.status, text: t(`status.${c.status}`) },
                  { value: c.votes, text: f.number(c.votes) },
                ],
              }))}
            />
          </Numbers>
        </ChartFigure>
      ) : (
        <p>{t('reports.top.none')}</p>
      )}
    </Section>
  )
}

function EngagementSection({ report }: { report: ReportData }) {
  const { t } = useTranslation()
  const f = useFormats()
  const id = 'engagement'
  const series = (['activeUsers', 'votes', 'comments'] as const).map((key, i) => ({
    key,
    label: t(`reports.engagement.${key}`),
    colour: SERIES_COLOURS[[0, 1, 3][i]!]!,
  }))
  return (
    <Section id={id} heading={t('reports.engagement.heading')}>
      <ChartFigure
        id={id}
        caption={t('reports.engagement.caption')}
        chart={
          <>
            <Legend series={series} lines />
            <LineChart
              labelledBy={`${id}-caption`}
              points={report.engagement.map((w) => ({
                key: w.week,
                label: f.day(w.week, 'short').replace(/^\d{4}-|\/\d{4}$/g, ''),
                values: { activeUsers: w.activeUsers, votes: w.votes, comments: w.comments },
              }))}
              series={series}
              format={f.number}
            />
          </>
        }
      >
        <Numbers>
          <DataTable
            id="engagement-table"
            caption={t('reports.engagement.table')}
            rowHeader={t('reports.weekly.week')}
            columns={series.map((s) => ({ key: s.key, label: s.label, numeric: true }))}
            rows={report.engagement.map((w) => ({
              key: w.week,
              header: f.day(w.week),
              cells: series.map((s) => ({ value: w[s.key], text: f.number(w[s.key]) })),
            }))}
          />
        </Numbers>
      </ChartFigure>
    </Section>
  )
}
