import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import type { SubmissionResult } from '@conform-to/react'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { AdminNav } from '~/components/AdminNav'
import { FormErrors, TextField, useSchemaForm } from '~/components/forms'
import {
  AddTaxonomySchema,
  ArchiveTaxonomySchema,
  RenameTaxonomySchema,
  TAXONOMY_NAME_MAX,
  TAXONOMY_TYPES,
} from '~/forms/admin'
import {
  addTaxonomyItem,
  listTaxonomy,
  renameTaxonomyItem,
  setTaxonomyArchived,
  type TaxonomyType,
} from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const NOTICES = ['added', 'renamed', 'archived', 'unarchived'] as const
type Notice = (typeof NOTICES)[number]

const notFound = () => json({ error: 'not found' }, { status: 404 })
const badRequest = () => json({ error: 'bad request' }, { status: 400 })
const isType = (value: unknown): value is TaxonomyType =>
  TAXONOMY_TYPES.includes(value as TaxonomyType)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const [{ t }, categories, areas] = await Promise.all([
    getRequestT(request),
    listTaxonomy('category'),
    listTaxonomy('area'),
  ])
  const notice = new URL(request.url).searchParams.get('notice')
  return json({
    title: t('admin.taxonomy.title'),
    categories,
    areas,
    notice: NOTICES.includes(notice as Notice) ? (notice as Notice) : null,
  })
}

type Reply = { formId: string; result: SubmissionResult<string[]> }
const reply = (formId: string, result: SubmissionResult<string[]>) =>
  json<Reply>({ formId, result }, { status: 400 })
const done = (notice: Notice, type: TaxonomyType) =>
  redirect(`/admin/taxonomy?notice=${notice}#${type}-heading`)

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdmin(request)
  const formData = await request.formData()
  const actor = { actorId: user.id, ip: context.ip }
  const intent = formData.get('intent')
  const type = formData.get('type')
  if (!isType(type)) throw badRequest()

  if (intent === 'add') {
    const submission = parseWithZod(formData, { schema: AddTaxonomySchema })
    const formId = `add-${type}`
    if (submission.status !== 'success') return reply(formId, submission.reply())
    const result = await addTaxonomyItem(type, submission.value, actor)
    if (!result.ok) return reply(formId, submission.reply({ fieldErrors: result.fieldErrors }))
    return done('added', type)
  }

  if (intent === 'rename') {
    const submission = parseWithZod(formData, { schema: RenameTaxonomySchema })
    if (submission.status !== 'success') {
      // An id that is not one names nothing.
      if (submission.error?.id) throw notFound()
      return reply(`rename-${type}-${String(formData.get('id'))}`, submission.reply())
    }
    const { id } = submission.value
    const result = await renameTaxonomyItem(type, id, submission.value, actor)
    if (!result) throw notFound()
    if (!result.ok) {
      return reply(`rename-${type}-${id}`, submission.reply({ fieldErrors: result.fieldErrors }))
    }
    return done('renamed', type)
  }

  if (intent === 'archive' || intent === 'unarchive') {
    const submission = parseWithZod(formData, { schema: ArchiveTaxonomySchema })
    if (submission.status !== 'success') throw notFound()
    const archive = intent === 'archive'
    if (!(await setTaxonomyArchived(type, submission.value.id, archive, actor))) throw notFound()
    return done(archive ? 'archived' : 'unarchived', type)
  }

  throw badRequest()
}

type Row = SerializeFrom<typeof loader>['categories'][number]

function AddForm({ type, lastResult }: { type: TaxonomyType; lastResult?: Reply | null }) {
  const { t } = useTranslation()
  const [form, fields] = useSchemaForm({
    id: `add-${type}`,
    schema: AddTaxonomySchema,
    lastResult: lastResult?.formId === `add-${type}` ? lastResult.result : null,
  })
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="type" value={type} />
      <TextField
        field={fields.nameSv}
        label={t('admin.taxonomy.nameSv')}
        hint={t('admin.taxonomy.nameHint', { max: TAXONOMY_NAME_MAX })}
        required
      />
      <TextField field={fields.nameEn} label={t('admin.taxonomy.nameEn')} required />
      <button type="submit" className="button">
        {t(`admin.taxonomy.add.${type}`)}
      </button>
    </Form>
  )
}

function RenameForm({
  type,
  row,
  lastResult,
}: {
  type: TaxonomyType
  row: Row
  lastResult?: Reply | null
}) {
  const { t } = useTranslation()
  const id = `rename-${type}-${row.id}`
  const mine = lastResult?.formId === id
  const [form, fields] = useSchemaForm({
    id,
    schema: RenameTaxonomySchema,
    lastResult: mine ? lastResult.result : null,
    defaultValue: { nameSv: row.name_sv, nameEn: row.name_en },
  })
  return (
    <details open={mine || undefined}>
      <summary>
        {t('admin.taxonomy.rename')} <span className="visually-hidden">{row.name_sv}</span>
      </summary>
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
        <FormErrors form={form} />
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={row.id} />
        <TextField field={fields.nameSv} label={t('admin.taxonomy.nameSv')} required />
        <TextField field={fields.nameEn} label={t('admin.taxonomy.nameEn')} required />
        <button type="submit" className="button" aria-describedby={`${type}-${row.id}`}>
          {t('admin.taxonomy.saveNames')}
        </button>
      </Form>
    </details>
  )
}

function TaxonomySection({
  type,
  rows,
  lastResult,
}: {
  type: TaxonomyType
  rows: Row[]
  lastResult?: Reply | null
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <section aria-labelledby={`${type}-heading`}>
      <h2 id={`${type}-heading`}>{t(`admin.taxonomy.heading.${type}`)}</h2>
      {rows.length === 0 ? (
        <p>{t('admin.taxonomy.empty')}</p>
      ) : (
        <ul className="plain">
          {rows.map((row) => (
            <li key={row.id} className="card">
              <h3 id={`${type}-${row.id}`}>
                {row.name_sv} / <span lang="en">{row.name_en}</span>
              </h3>
              <p className="meta">
                {t('admin.taxonomy.slug', { slug: row.slug })} ·{' '}
                {t('admin.taxonomy.used', {
                  count: row.challengeCount,
                  formatted: formatNumber(row.challengeCount, locale),
                })}
                {row.archived_at && (
                  <>
                    {' '}
                    ·{' '}
                    {t('admin.taxonomy.archivedOn', {
                      date: formatDate(row.archived_at, locale, 'short'),
                    })}
                  </>
                )}
              </p>
              <RenameForm type={type} row={row} lastResult={lastResult} />
              <Form method="post" className="inline-actions">
                <input type="hidden" name="type" value={type} />
                <input type="hidden" name="id" value={row.id} />
                <button
                  type="submit"
                  name="intent"
                  value={row.archived_at ? 'unarchive' : 'archive'}
                  className="button secondary"
                  aria-describedby={`${type}-${row.id}`}
                >
                  {t(row.archived_at ? 'admin.taxonomy.unarchive' : 'admin.taxonomy.archive')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t(`admin.taxonomy.add.${type}`)}</h3>
      <AddForm type={type} lastResult={lastResult} />
    </section>
  )
}

export default function AdminTaxonomy() {
  const { t } = useTranslation()
  const { categories, areas, notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.taxonomy.title')}</h1>
      </div>
      <AdminNav />
      <p className="lead">{t('admin.taxonomy.lead')}</p>
      {notice && (
        <p className="notice" role="status">
          {t(`admin.taxonomy.notice.${notice}`)}
        </p>
      )}
      <div className="columns">
        <TaxonomySection type="category" rows={categories} lastResult={lastResult} />
        <TaxonomySection type="area" rows={areas} lastResult={lastResult} />
      </div>
    </>
  )
}
