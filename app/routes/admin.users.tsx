import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { FilterForm } from '~/components/FilterForm'
import { PlainSelect } from '~/components/PlainSelect'
import { useTranslation } from '~/i18n-react'
import { ADMIN_LIST_LIMIT } from '~/models/admin-constants'
import { AdminNav } from '~/components/AdminNav'
import { FormErrors, SelectField, useSchemaForm } from '~/components/forms'
import { ADMIN_QUERY_MAX, parseAdminQuery, UserQuerySchema, UserRoleSchema } from '~/forms/admin'
import { changeUserRole, searchUsers } from '~/models/admin-users.server'
import { getRequestT } from '~/services/i18n.server'
import { requireAdmin } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { isBanned, ROLES } from '~/utils/policy'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const notFound = () => json({ error: 'not found' }, { status: 404 })
const badRequest = () => json({ error: 'bad request' }, { status: 400 })

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request)
  const url = new URL(request.url)
  const query = parseAdminQuery(UserQuerySchema, url)
  if (!query.success) throw badRequest()
  const [{ t }, list] = await Promise.all([getRequestT(request), searchUsers(query.data)])
  return json({
    title: t('admin.users.title'),
    params: query.data,
    ...list,
    selfId: admin.id,
    now: new Date().toISOString(),
    notice: url.searchParams.get('notice') === 'roleChanged' ? ('roleChanged' as const) : null,
  })
}

type Reply = { formId: string; result: SubmissionResult<string[]> }

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdmin(request)
  const formData = await request.formData()
  if (formData.get('intent') !== 'role') throw badRequest()
  const submission = parseWithZod(formData, { schema: UserRoleSchema })
  if (submission.status !== 'success') {
    if (submission.error?.id) throw notFound()
    const formId = `role-${String(formData.get('id'))}`
    return json<Reply>({ formId, result: submission.reply() }, { status: 400 })
  }
  const { id, role } = submission.value
  const result = await changeUserRole(id, role, { actorId: admin.id, ip: context.ip })
  if (result === 'notFound') throw notFound()
  if (result === 'selfDemotion') {
    return json<Reply>(
      {
        formId: `role-${id}`,
        result: submission.reply({ fieldErrors: { role: ['admin.users.selfDemotion'] } }),
      },
      { status: 400 },
    )
  }
  // Back to the same search, so the admin sees the row they changed.
  const query = parseAdminQuery(UserQuerySchema, new URL(request.url))
  const back = new URLSearchParams()
  if (query.success && query.data.q) back.set('q', query.data.q)
  if (query.success && query.data.role) back.set('role', query.data.role)
  back.set('notice', 'roleChanged')
  return redirect(`/admin/users?${back}`)
}

type UserRow = SerializeFrom<typeof loader>['items'][number]

function RoleForm({ user, lastResult }: { user: UserRow; lastResult?: Reply | null }) {
  const { t } = useTranslation()
  const id = `role-${user.id}`
  const [form, fields] = useSchemaForm({
    id,
    schema: UserRoleSchema,
    lastResult: lastResult?.formId === id ? lastResult.result : null,
    defaultValue: { role: user.role },
  })
  return (
    <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="id" value={user.id} />
      <SelectField field={fields.role} label={t('admin.users.role')}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button secondary" aria-describedby={`user-${user.id}`}>
        {t('admin.users.changeRole')}
      </button>
    </Form>
  )
}

export default function AdminUsers() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { params, items, more, selfId, now, notice } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <div className="page-head">
        <h1>{t('admin.users.title')}</h1>
      </div>
      <AdminNav />
      <p className="lead">{t('admin.users.lead')}</p>
      {notice && (
        <p className="notice" role="status">
          {t(`admin.users.notice.${notice}`)}
        </p>
      )}
      <FilterForm
        label={t('admin.users.filters')}
        search={{
          label: t('admin.users.search'),
          defaultValue: params.q,
          maxLength: ADMIN_QUERY_MAX,
        }}
        apply={t('admin.apply')}
      >
        <PlainSelect
          id="role"
          label={t('admin.users.role')}
          defaultValue={params.role}
          empty={t('admin.users.anyRole')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </FilterForm>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t('admin.users.listHeading')}</h2>
        {items.length === 0 ? (
          <p>{t('admin.users.empty')}</p>
        ) : (
          <ul className="plain">
            {items.map((user) => {
              const banned = isBanned(user.banned_until, new Date(now))
              return (
                <li key={user.id} className="card">
                  <h3 id={`user-${user.id}`}>
                    {user.name}
                    {user.id === selfId && <> ({t('admin.users.you')})</>}
                  </h3>
                  <p className="meta">
                    {user.email} · {t(`roles.${user.role}`)} ·{' '}
                    {t('admin.users.joined', {
                      date: formatDate(user.created_at, locale, 'short'),
                    })}
                    {banned && user.banned_until && (
                      <>
                        {' '}
                        ·{' '}
                        {t('admin.users.bannedUntil', {
                          date: formatDate(user.banned_until, locale, 'short'),
                        })}
                      </>
                    )}
                  </p>
                  <RoleForm user={user} lastResult={lastResult} />
                </li>
              )
            })}
          </ul>
        )}
        {more && <p className="hint">{t('admin.listLimited', { max: ADMIN_LIST_LIMIT })}</p>}
      </section>
    </>
  )
}
