import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { FilterForm } from '~/components/FilterForm'
import { PlainSelect } from '~/components/PlainSelect'
import { useTranslation } from '~/i18n-react'
import { ADMIN_LIST_LIMIT } from '~/models/admin-constants'
import { AdminNav } from '~/components/AdminNav'
import { FormErrors, SelectField, useSchemaForm } from '~/components/forms'
import {
  ADMIN_QUERY_MAX,
  MergeOrganisationsSchema,
  OrganisationQuerySchema,
  parseAdminQuery,
  VerifyOrganisationSchema,
} from '~/forms/admin'
import { ORGANISATION_KINDS } from '~/forms/organisation'
import {
  listOrganisationChoices,
  listOrganisationsForAdmin,
  mergeOrganisations,
  setOrganisationVerified,
} from '~/models/admin-organisations.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const NOTICES = ['verified', 'unverified', 'merged'] as const
type Notice = (typeof NOTICES)[number]

const notFound = () => json({ error: 'not found' }, { status: 404 })
const badRequest = () => json({ error: 'bad request' }, { status: 400 })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request)
  const url = new URL(request.url)
  const query = parseAdminQuery(OrganisationQuerySchema, url)
  if (!query.success) throw badRequest()
  const [{ t }, list, choices] = await Promise.all([
    getRequestT(request),
    listOrganisationsForAdmin(query.data),
    listOrganisationChoices(),
  ])
  const notice = url.searchParams.get('notice')
  return json({
    title: t('admin.organisations.title'),
    params: query.data,
    ...list,
    choices,
    notice: NOTICES.includes(notice as Notice) ? (notice as Notice) : null,
  })
}

type Reply = { formId: 'merge'; result: SubmissionResult<string[]> }

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdmin(request)
  const formData = await request.formData()
  const actor = { actorId: user.id, ip: context.ip }
  const intent = formData.get('intent')

  if (intent === 'verify' || intent === 'unverify') {
    const submission = parseWithZod(formData, { schema: VerifyOrganisationSchema })
    if (submission.status !== 'success') throw notFound()
    const verify = intent === 'verify'
    const result = await setOrganisationVerified(submission.value.id, verify, actor)
    if (result === 'notFound') throw notFound()
    // Only municipal departments are verified; the page offers no button for the others.
    if (result === 'notMunicipality') throw badRequest()
    return redirect(`/admin/organisations?notice=${verify ? 'verified' : 'unverified'}`)
  }

  if (intent === 'merge') {
    const submission = parseWithZod(formData, { schema: MergeOrganisationsSchema })
    if (submission.status !== 'success') {
      return json<Reply>({ formId: 'merge', result: submission.reply() }, { status: 400 })
    }
    const result = await mergeOrganisations(submission.value.fromId, submission.value.intoId, actor)
    if (!result.ok) throw notFound()
    return redirect('/admin/organisations?notice=merged')
  }

  throw badRequest()
}

function MergeForm({
  choices,
  lastResult,
}: {
  choices: Array<{ id: number; name: string; kind: string; slug: string }>
  lastResult?: Reply | null
}) {
  const { t } = useTranslation()
  const [form, fields] = useSchemaForm({
    id: 'merge',
    schema: MergeOrganisationsSchema,
    lastResult: lastResult?.formId === 'merge' ? lastResult.result : null,
  })
  const options = choices.map((o) => (
    <option key={o.id} value={o.id}>
      {t('admin.organisations.choice', { name: o.name, kind: t(`kinds.${o.kind}`), slug: o.slug })}
    </option>
  ))
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="merge" />
      <SelectField
        field={fields.fromId}
        label={t('admin.organisations.mergeFrom')}
        hint={t('admin.organisations.mergeFromHint')}
      >
        <option value="">{t('admin.choose')}</option>
        {options}
      </SelectField>
      <SelectField
        field={fields.intoId}
        label={t('admin.organisations.mergeInto')}
        hint={t('admin.organisations.mergeIntoHint')}
      >
        <option value="">{t('admin.choose')}</option>
        {options}
      </SelectField>
      <button type="submit" className="button">
        {t('admin.organisations.merge')}
      </button>
    </Form>
  )
}

export default function AdminOrganisations() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { params, items, more, choices, notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.organisations.title')}</h1>
      </div>
      <AdminNav />
      <p className="lead">{t('admin.organisations.lead')}</p>
      {notice && (
        <p className="notice" role="status">
          {t(`admin.organisations.notice.${notice}`)}
        </p>
      )}
      <FilterForm
        label={t('admin.organisations.filters')}
        search={{
          label: t('admin.organisations.search'),
          defaultValue: params.q,
          maxLength: ADMIN_QUERY_MAX,
        }}
        apply={t('admin.apply')}
      >
        <PlainSelect
          id="kind"
          label={t('admin.organisations.kind')}
          defaultValue={params.kind}
          empty={t('admin.organisations.anyKind')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </FilterForm>

      <section aria-labelledby="organisations-heading">
        <h2 id="organisations-heading">{t('admin.organisations.listHeading')}</h2>
        {items.length === 0 ? (
          <p>{t('admin.organisations.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.organisations.name')}</th>
                <th scope="col">{t('admin.organisations.kind')}</th>
                <th scope="col">{t('admin.organisations.members')}</th>
                <th scope="col">{t('admin.organisations.verification')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id}>
                  <th scope="row" id={`organisation-${o.id}`}>
                    <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                  </th>
                  <td>{t(`kinds.${o.kind}`)}</td>
                  <td>{formatNumber(o.member_count, locale)}</td>
                  <td>
                    {o.kind !== 'municipality' ? (
                      t('admin.organisations.notApplicable')
                    ) : (
                      <Form method="post">
                        {o.verified_at
                          ? t('admin.organisations.verifiedOn', {
                              date: formatDate(o.verified_at, locale, 'short'),
                            })
                          : t('admin.organisations.notVerified')}{' '}
                        <input type="hidden" name="id" value={o.id} />
                        <button
                          type="submit"
                          name="intent"
                          value={o.verified_at ? 'unverify' : 'verify'}
                          className="button secondary"
                          aria-describedby={`organisation-${o.id}`}
                        >
                          {t(
                            o.verified_at
                              ? 'admin.organisations.unverify'
                              : 'admin.organisations.verify',
                          )}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more && <p className="hint">{t('admin.listLimited', { max: ADMIN_LIST_LIMIT })}</p>}
      </section>

      <section aria-labelledby="merge-heading" className="narrow">
        <h2 id="merge-heading">{t('admin.organisations.mergeHeading')}</h2>
        <p>{t('admin.organisations.mergeLead')}</p>
        <MergeForm choices={choices} lastResult={lastResult} />
      </section>
    </>
  )
}
