import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ScrollTable } from '~/components/ScrollTable'
import { Tabs } from '~/components/Tabs'
import { useTranslation } from '~/i18n-react'
import { StatusBadge } from '~/components/StatusBadge'
import { listInbox, listInboxDepartments } from '~/models/department-inbox.server'
import { INBOX_VIEWS, type InboxView } from '~/models/inbox-constants'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { mayReadInbox } from '~/utils/policy'

export const meta = titleMeta

/** A department's inbox: what is routed to the reader's municipal departments. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const departments = await listInboxDepartments(user)
  if (
    !mayReadInbox(
      user,
      departments.map((d) => d.id),
    )
  )
    throw json({}, { status: 403 })
  const url = new URL(request.url)
  const view = (url.searchParams.get('show') ?? 'department') as InboxView
  const department = url.searchParams.get('department')
  if (!INBOX_VIEWS.includes(view)) throw json({}, { status: 400 })
  const chosen = department ? departments.find((d) => String(d.id) === department) : undefined
  if (department && !chosen) throw json({}, { status: 400 })
  const [{ t }, { slaDays }] = await Promise.all([getRequestT(request), getSettings()])
  const items = await listInbox({
    readerId: user.id,
    departmentIds: chosen ? [chosen.id] : departments.map((d) => d.id),
    view,
    slaDays,
  })
  return json({
    title: t('inbox.title'),
    departments,
    department: chosen?.id ?? null,
    view,
    items,
    slaDays,
  })
}

export default function Inbox() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { departments, department, view, items, slaDays } = useLoaderData<typeof loader>()
  const link = (show: InboxView) =>
    `/inbox?show=${show}${department ? `&department=${department}` : ''}`
  const heading = t(`inbox.views.${view}`)
  return (
    <div className="inbox">
      <h1>{t('inbox.title')}</h1>
      <p className="lead">
        {departments.length
          ? t('inbox.lead', {
              departments: departments.map((d) => d.name).join(', '),
              count: departments.length,
            })
          : t('inbox.noDepartments')}
      </p>

      {departments.length > 1 && (
        <Form method="get" className="inline-actions">
          <input type="hidden" name="show" value={view} />
          <label htmlFor="inbox-department">{t('inbox.department')}</label>
          <select id="inbox-department" name="department" defaultValue={department ?? ''}>
            <option value="">{t('inbox.allDepartments')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary">
            {t('inbox.choose')}
          </button>
        </Form>
      )}

      <Tabs
        label={t('inbox.viewsLabel')}
        tabs={INBOX_VIEWS.map((v) => ({
          key: v,
          to: link(v),
          current: v === view,
          children: t(`inbox.views.${v}`),
        }))}
      />

      <section aria-labelledby="inbox-list">
        <h2 id="inbox-list">{heading}</h2>
        <p className="hint">{t('inbox.hint', { days: slaDays, count: slaDays })}</p>
        {items.length === 0 ? (
          <p>{t(`inbox.empty.${view}`)}</p>
        ) : (
          <ScrollTable labelledBy="inbox-list">
            <table>
              <caption className="visually-hidden">{heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.col.challenge')}</th>
                  <th scope="col">{t('inbox.col.status')}</th>
                  <th scope="col">{t('inbox.col.waiting')}</th>
                  <th scope="col">{t('inbox.col.activity')}</th>
                  <th scope="col">{t('inbox.col.response')}</th>
                  <th scope="col">{t('inbox.col.contact')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} className={item.mine ? 'mine' : undefined}>
                    <th scope="row">
                      <Link to={`/challenges/${item.id}#official`}>{item.title}</Link>
                      {departments.length > 1 && (
                        <span className="meta"> · {item.department_name}</span>
                      )}
                    </th>
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td>
                      {t('inbox.days', {
                        count: item.days_waiting,
                        formatted: formatNumber(item.days_waiting, locale),
                      })}
                      {item.overdue && <strong> · {t('inbox.overdue')}</strong>}
                    </td>
                    <td>
                      <time dateTime={item.updated_at}>{formatDate(item.updated_at, locale)}</time>
                    </td>
                    <td>
                      {item.first_response_at ? (
                        <>
                          {t('inbox.answered')}{' '}
                          <time dateTime={item.first_response_at}>
                            {formatDate(item.first_response_at, locale)}
                          </time>
                        </>
                      ) : (
                        t('inbox.notAnswered')
                      )}
                    </td>
                    <td>
                      {item.mine ? (
                        <strong>{t('inbox.you')}</strong>
                      ) : (
                        (item.contact_name ?? t('inbox.noContact'))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </div>
  )
}
