import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { FieldErrors, useErrorText } from '~/components/forms'
import { PlainSelect } from '~/components/PlainSelect'
import { Report, useFormats } from '~/components/reports/ReportView'
import { parseReportQuery, reportQueryString, type ReportQueryValues } from '~/forms/report-filters'
import { useTranslation } from '~/i18n-react'
import { POSTER_KINDS } from '~/models/challenge-constants'
import { resolveReportFilters, UnknownReportFilter } from '~/models/report-filters.server'
import { listDepartments } from '~/models/organisation.server'
import { getCachedReport } from '~/models/reports.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import stylesheet from '~/styles/reports.css'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesheet }]

type FieldErrorMap = Partial<Record<keyof ReportQueryValues | 'form', string[]>>

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const [{ t }, categories, areas, departments] = await Promise.all([
    getRequestT(request),
    listCategories(),
    listAreas(),
    listDepartments(),
  ])
  const options = {
    categories: categories.map(({ slug, name_sv, name_en }) => ({ slug, name_sv, name_en })),
    areas: areas.map(({ slug, name_sv, name_en }) => ({ slug, name_sv, name_en })),
    departments,
  }
  const title = t('reports.title')
  const parsed = parseReportQuery(new URL(request.url))
  const fail = (values: ReportQueryValues, errors: FieldErrorMap) =>
    json({ title, options, values, errors, result: null }, { status: 400 })
  if (!parsed.ok) return fail(parsed.values, parsed.errors)

  const { filters, values } = parsed
  // Named field messages for choices the lists do not hold (archived ones still resolve).
  try {
    const resolved = await resolveReportFilters(filters)
    const { report, computedAt } = await getCachedReport(resolved)
    return json({
      title,
      options,
      values: { ...values, from: filters.from, to: filters.to },
      errors: {} as FieldErrorMap,
      result: { filters, query: reportQueryString(filters), report, computedAt },
    })
  } catch (error) {
    if (!(error instanceof UnknownReportFilter)) throw error
    const errors: FieldErrorMap = {}
    if (filters.category && !categories.some((c) => c.slug === filters.category))
      errors.category = ['reports.errors.unknown']
    if (filters.area && !areas.some((a) => a.slug === filters.area))
      errors.area = ['reports.errors.unknown']
    if (filters.department && !departments.some((d) => d.id === filters.department))
      errors.department = ['reports.errors.unknown']
    if (!Object.keys(errors).length) errors.form = ['reports.errors.unknown']
    return fail(values, errors)
  }
}

function DateField(props: {
  name: 'from' | 'to'
  label: string
  value?: string
  errors?: string[]
}) {
  const invalid = Boolean(props.errors?.length)
  const errorId = `${props.name}-error`
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type="date"
        defaultValue={props.value ?? ''}
        min="2000-01-01"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      />
      <FieldErrors id={errorId} errors={props.errors} />
    </div>
  )
}

export default function Reports() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const { options, values, errors, result } = useLoaderData<typeof loader>()
  const f = useFormats()
  const name = (o: { name_sv: string; name_en: string }) =>
    f.locale === 'en' ? o.name_en : o.name_sv
  const selects = [
    { id: 'category', options: options.categories.map((c) => ({ value: c.slug, label: name(c) })) },
    { id: 'area', options: options.areas.map((a) => ({ value: a.slug, label: name(a) })) },
    { id: 'department', options: options.departments.map((d) => ({ value: d.id, label: d.name })) },
    { id: 'by', options: POSTER_KINDS.map((k) => ({ value: k, label: t(`posterKinds.${k}`) })) },
  ] as const
  return (
    <div className="reports">
      <h1>{t('reports.title')}</h1>
      <p className="lead">{t('reports.lead')}</p>
      <form
        method="get"
        action="/reports"
        className="filters report-filters"
        aria-label={t('reports.filters')}
      >
        {errors.form?.length ? (
          <div className="form-errors" role="alert">
            {errors.form.map((e) => (
              <p key={e}>{errorText(e)}</p>
            ))}
          </div>
        ) : null}
        <DateField name="from" label={t('reports.from')} value={values.from} errors={errors.from} />
        <DateField name="to" label={t('reports.to')} value={values.to} errors={errors.to} />
        {selects.map((select) => (
          <PlainSelect
            key={select.id}
            id={select.id}
            label={t(`reports.${select.id}`)}
            defaultValue={values[select.id]}
            errors={errors[select.id]}
            empty={t('reports.any')}
            options={select.options}
          />
        ))}
        <button type="submit" className="button">
          {t('reports.apply')}
        </button>
      </form>
      {result && <Report {...result} />}
    </div>
  )
}
