import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Tabs } from '~/components/Tabs'
import { HideReasonOptions } from '~/components/moderation/HideReasonOptions'
import { useTranslation } from '~/i18n-react'
import { PlainSelect } from '~/components/PlainSelect'
import { StatusBadge } from '~/components/StatusBadge'
import { publicUrl } from '~/env.server'
import { AutoHiddenSchema, BulkSchema, HeldDecisionSchema } from '~/forms/moderation'
import { decideHeldPost, listHeldPosts } from '~/models/held-posts.server'
import { decideAutoHidden } from '~/models/auto-hidden.server'
import { getModerationOverview, type ModerationOverview } from '~/models/moderation-overview.server'
import {
  BULK_ACTIONS,
  HIDE_REASONS,
  MODERATOR_STATUSES,
  QUEUE_SORTS,
  QUEUE_TABS,
} from '~/models/moderation-constants'
import { getTemplateBody, listActiveTemplates } from '~/models/moderation-page.server'
import { listDepartments } from '~/models/organisation.server'
import {
  listQueue,
  queueCounts,
  type QueueSort,
  type QueueTab,
} from '~/models/moderation-queue.server'
import { BulkFailed, bulkModerate } from '~/models/bulk-moderation.server'
import { getSettings } from '~/models/settings.server'
import { listAreas, listCategories } from '~/models/taxonomy.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

function positive(value: string | null) {
  if (!value) return undefined
  if (!/^[1-9][0-9]{0,9}$/.test(value)) throw json({}, { status: 400 })
  return Number(value)
}

const DECISIONS = ['confirm', 'restore', 'approve', 'reject'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const url = new URL(request.url)
  const tab = (url.searchParams.get('tab') ?? 'flagged') as QueueTab
  // The flagged tab starts with what is newest (and what flags hid by themselves); the others
  // with what has waited longest.
  const sort = (url.searchParams.get('sort') ?? (tab === 'flagged' ? 'newest' : 'age')) as QueueSort
  if (!QUEUE_TABS.includes(tab) || !QUEUE_SORTS.includes(sort)) throw json({}, { status: 400 })
  const filter = {
    sort,
    categoryId: positive(url.searchParams.get('category')),
    areaId: positive(url.searchParams.get('area')),
    departmentId: positive(url.searchParams.get('department')),
  }
  const { slaDays } = await getSettings()
  const [{ t }, counts, items, categories, areas, departments, templates] = await Promise.all([
    getRequestT(request),
    queueCounts(slaDays),
    listQueue(tab, filter, slaDays),
    listCategories(),
    listAreas(),
    listDepartments(),
    listActiveTemplates(),
  ])
  return json({
    title: t('moderation.title'),
    overview: await getModerationOverview(counts),
    held: tab === 'pending' ? await listHeldPosts() : [],
    tab,
    filter,
    counts,
    items,
    categories,
    areas,
    departments,
    templates,
    // How many a bulk action changed (from its redirect); anything else in the URL is ignored.
    done: /^\d{1,6}$/.exec(url.searchParams.get('done') ?? '')?.[0] ?? null,
    decided: DECISIONS.find((d) => d === url.searchParams.get('decided')) ?? null,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const moderator = await requireModerator(request)
  const form = await request.formData()
  if (form.get('intent') === 'auto-hidden')
    return decideFromQueue(request, form, moderator, context.ip)
  if (form.get('intent') === 'held') return decideHeld(request, form, moderator, context.ip)
  const submission = parseWithZod(form, { schema: BulkSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const { locale } = await getRequestT(request)
  const value = submission.value
  const message =
    value.message ?? (value.templateId ? await getTemplateBody(value.templateId, locale) : null)
  let changed: number
  try {
    changed = await bulkModerate(moderator, {
      ids: value.ids,
      action: value.action,
      message,
      reason: value.reason,
      status: value.status,
      departmentId: value.departmentId ?? null,
      siteUrl: publicUrl().origin,
      ip: context.ip,
    })
  } catch (error) {
    if (error instanceof BulkFailed) {
      return json(submission.reply({ formErrors: ['moderation.bulkFailed'] }), { status: 400 })
    }
    throw error
  }
  const back = new URL(request.url)
  back.searchParams.set('done', String(changed))
  return redirect(back.pathname + back.search)
}

/** Confirms or restores one post that flags hid by themselves, from the flagged tab. */
async function decideFromQueue(
  request: Request,
  form: FormData,
  moderator: Awaited<ReturnType<typeof requireModerator>>,
  ip: string | null | undefined,
) {
  const submission = parseWithZod(form, { schema: AutoHiddenSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = await decideAutoHidden(moderator, {
    ...submission.value,
    siteUrl: publicUrl().origin,
    ip,
  })
  if (result === 'not_found') throw json({}, { status: 404 })
  if (result === 'decided')
    return json(submission.reply({ formErrors: ['triage.autoHidden.decided'] }), { status: 409 })
  const back = new URL(request.url)
  back.searchParams.set('decided', submission.value.decision)
  back.searchParams.delete('done')
  return redirect(back.pathname + back.search)
}

/** Approves or rejects one held post or edit, from the pending tab. */
async function decideHeld(
  request: Request,
  form: FormData,
  moderator: Awaited<ReturnType<typeof requireModerator>>,
  ip: string | null | undefined,
) {
  const submission = parseWithZod(form, { schema: HeldDecisionSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const result = await decideHeldPost(moderator, {
    ...submission.value,
    siteUrl: publicUrl().origin,
    ip,
  })
  if (result === 'not_found') throw json({}, { status: 404 })
  if (result === 'decided')
    return json(submission.reply({ formErrors: ['moderation.held.decided'] }), { status: 409 })
  const back = new URL(request.url)
  back.searchParams.set('decided', submission.value.decision)
  back.searchParams.delete('done')
  return redirect(back.pathname + back.search)
}

export default function ModerationQueue() {
  const { t, i18n } = useTranslation()
  const {
    tab,
    filter,
    counts,
    overview,
    items,
    categories,
    areas,
    departments,
    templates,
    done,
    decided,
    held,
  } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const en = i18n.language === 'en'
  return (
    <>
      <div className="page-head">
        <h1>{t('moderation.title')}</h1>
        <p>
          <Link to="/moderation/log">{t('moderation.log')}</Link>
        </p>
      </div>
      <OverviewLine overview={overview} />
      {decided && (
        <p className="notice" role="status">
          {t(
            {
              confirm: 'triage.notice.hideConfirmed',
              restore: 'triage.notice.restored',
              approve: 'moderation.held.approved',
              reject: 'moderation.held.rejected',
            }[decided],
          )}
        </p>
      )}
      {done && (
        <p className={done === '0' ? 'notice-neutral' : 'notice'} role="status">
          {done === '0'
            ? t('moderation.bulkNothing')
            : t('moderation.bulkDone', { count: Number(done) })}
        </p>
      )}
      {result?.error && (
        <div className="form-errors" role="alert">
          {Object.values(result.error)
            .flat()
            .map((e) => (
              <p key={e}>{t(e?.split('?')[0] ?? 'errors.invalid')}</p>
            ))}
        </div>
      )}
      <Tabs
        label={t('moderation.tabs')}
        tabs={QUEUE_TABS.map((name) => ({
          key: name,
          to: `/moderation?tab=${name}`,
          current: name === tab,
          children: (
            <>
              {t(`moderation.tab.${name}`)} <span className="count">({counts[name]})</span>
            </>
          ),
        }))}
      />
      <Form method="get" className="filters" aria-label={t('moderation.filter')}>
        <input type="hidden" name="tab" value={tab} />
        <PlainSelect
          id="sort"
          label={t('board.sort')}
          defaultValue={filter.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`moderation.sort.${s}`) }))}
        />
        <PlainSelect
          id="category"
          label={t('board.category')}
          defaultValue={filter.categoryId}
          empty={t('board.any')}
          options={categories.map((c) => ({ value: c.id, label: en ? c.name_en : c.name_sv }))}
        />
        <PlainSelect
          id="area"
          label={t('board.area')}
          defaultValue={filter.areaId}
          empty={t('board.any')}
          options={areas.map((a) => ({ value: a.id, label: en ? a.name_en : a.name_sv }))}
        />
        <PlainSelect
          id="department"
          label={t('moderation.department')}
          defaultValue={filter.departmentId}
          empty={t('board.any')}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <button type="submit" className="button">
          {t('board.apply')}
        </button>
      </Form>
      {held.length > 0 && <HeldPosts posts={held} />}
      <Form method="post">
        {items.length === 0 ? (
          <p>{t('moderation.empty')}</p>
        ) : (
          <table className="queue">
            <caption className="visually-hidden">{t(`moderation.tab.${tab}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('moderation.select')}</th>
                <th scope="col">{t('moderation.challenge')}</th>
                <th scope="col">{t('board.status')}</th>
                <th scope="col">{t('moderation.flags')}</th>
                <th scope="col">{t('moderation.department')}</th>
                <th scope="col">{t('moderation.posted')}</th>
                {tab !== 'recent' && <th scope="col">{t('moderation.waiting')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={item.id}
                      id={`select-${item.id}`}
                      aria-label={t('moderation.selectOne', { title: item.title })}
                    />
                  </td>
                  <td>
                    <Link to={`/moderation/challenges/${item.id}`}>{item.title}</Link>
                    {item.hidden_at && <> · {t('moderation.hidden')}</>}
                    {item.flaggedPosts.map((p) => (
                      <FlaggedPostSummary key={`${p.subjectType}-${p.subjectId}`} post={p} />
                    ))}
                    {item.appeals.map((a) => (
                      <p key={a.id} className="meta">
                        {t('moderation.appealBy', { name: a.user_name ?? '' })}: {a.body}
                      </p>
                    ))}
                    {item.disputes.map((d) => (
                      <p key={`dispute-${d.id}`} className="meta">
                        {t('moderation.disputeBy', {
                          name: d.user_name ?? t('challenge.formerMember'),
                          date: formatDate(d.created_at, i18n.language, 'short'),
                        })}
                        : {d.body}
                      </p>
                    ))}
                  </td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td>{item.open_flags}</td>
                  <td>{item.department_name ?? '–'}</td>
                  <td>
                    <time dateTime={item.created_at}>
                      {formatDate(item.created_at, i18n.language, 'short')}
                    </time>
                  </td>
                  {tab !== 'recent' && (
                    <td>
                      {item.days_waiting === null
                        ? '–'
                        : t('moderation.days', { count: item.days_waiting })}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <fieldset className="bulk">
          <legend>{t('moderation.bulk')}</legend>
          <PlainSelect
            id="bulk-action"
            name="action"
            label={t('moderation.action')}
            defaultValue="approve"
            options={BULK_ACTIONS.map((a) => ({
              value: a,
              label: t(`moderation.bulkAction.${a}`),
            }))}
          />
          <PlainSelect
            id="bulk-template"
            name="templateId"
            label={t('moderation.template')}
            empty={t('moderation.noTemplate')}
            options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          />
          <div className="field">
            <label htmlFor="bulk-message">{t('moderation.message')}</label>
            <textarea id="bulk-message" name="message" rows={2} maxLength={2000} />
          </div>
          <PlainSelect
            id="bulk-reason"
            name="reason"
            label={t('moderation.hideReason')}
            defaultValue="spam"
            options={HIDE_REASONS.map((r) => ({ value: r, label: t(`hideReasons.${r}`) }))}
          />
          <PlainSelect
            id="bulk-status"
            name="status"
            label={t('moderation.newStatus')}
            defaultValue="open"
            options={MODERATOR_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <PlainSelect
            id="bulk-department"
            name="departmentId"
            label={t('moderation.routeTo')}
            empty={t('moderation.noDepartment')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
          <button type="submit" className="button">
            {t('moderation.apply')}
          </button>
        </fieldset>
      </Form>
      {/* One small form per post awaiting a decision; its buttons sit in the table (form=…),
          outside the bulk form, so both work without JavaScript. */}
      {items.flatMap((item) =>
        item.flaggedPosts
          .filter((p) => p.awaitingDecision)
          .map((p) => (
            <Form
              key={`${p.subjectType}-${p.subjectId}`}
              method="post"
              id={decisionFormId(p)}
              hidden
            >
              <input type="hidden" name="intent" value="auto-hidden" />
              <input type="hidden" name="subjectType" value={p.subjectType} />
              <input type="hidden" name="subjectId" value={p.subjectId} />
            </Form>
          )),
      )}
    </>
  )
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>['items'][number]
type Post = Item['flaggedPosts'][number]

const decisionFormId = (p: Post) => `decide-${p.subjectType}-${p.subjectId}`

/** A flagged post as the moderator needs it: what it says, who wrote it, why it was reported. */
function FlaggedPostSummary({ post }: { post: Post }) {
  const { t, i18n } = useTranslation()
  const label = `${t(`moderation.subject.${post.subjectType}`)} #${post.subjectId}`
  return (
    <div className="flagged-post">
      <p className="meta">
        {label}
        {post.author && <> ({post.author})</>}:{' '}
        {Object.entries(post.reasons)
          .map(([reason, n]) => `${t(`flagReasons.${reason}`)} ×${n}`)
          .join(', ')}
        {post.newest && (
          <>
            {' '}
            · {t('moderation.lastFlag', { date: formatDate(post.newest, i18n.language, 'short') })}
          </>
        )}
        {post.awaitingDecision ? (
          <>
            {' '}
            · <strong>{t('triage.autoHidden.waiting')}</strong>
          </>
        ) : post.escalated ? (
          <>
            {' '}
            · <strong>{t('triage.autoHidden.escalated')}</strong>
          </>
        ) : (
          post.hidden && <> · {t('moderation.hidden')}</>
        )}
      </p>
      {post.excerpt && <blockquote className="excerpt">{post.excerpt}</blockquote>}
      {post.awaitingDecision && (
        <p className="inline-actions">
          <button
            type="submit"
            form={decisionFormId(post)}
            name="decision"
            value="confirm"
            className="button secondary"
            aria-label={t('moderation.confirmHidden', { post: label })}
          >
            {t('triage.autoHidden.confirm')}
          </button>
          <button
            type="submit"
            form={decisionFormId(post)}
            name="decision"
            value="restore"
            className="button secondary"
            aria-label={t('moderation.restorePost', { post: label })}
          >
            {t('triage.restore')}
          </button>
        </p>
      )}
    </div>
  )
}

/**
 * Posts and edits held for review (quarantine or pre-moderation), each with its own approve /
 * reject form. An edit shows the text it would replace.
 */
function HeldPosts({ posts }: { posts: ReturnType<typeof useLoaderData<typeof loader>>['held'] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="held-heading" className="held-posts">
      <h2 id="held-heading">{t('moderation.held.heading', { count: posts.length })}</h2>
      <p className="hint">{t('moderation.held.hint')}</p>
      <ul className="plain">
        {posts.map((p) => {
          const key = `${p.type}-${p.id}`
          const label = `${t(`moderation.subject.${p.type}`)} #${p.id}`
          return (
            <li key={key} className="held-post">
              <p className="meta">
                {label} ({p.author_name ?? t('challenge.formerMember')}) ·{' '}
                <Link to={`/challenges/${p.challenge_id}`}>{p.challenge_title}</Link> ·{' '}
                {t('moderation.waiting')}: {t('moderation.days', { count: p.days_waiting })}
              </p>
              {p.newTitle && <p>{t('moderation.held.newTitle', { title: p.newTitle })}</p>}
              {p.before !== null && (
                <>
                  <p className="meta">{t('moderation.held.before')}</p>
                  <blockquote className="excerpt">{p.before}</blockquote>
                  <p className="meta">{t('moderation.held.after')}</p>
                </>
              )}
              <blockquote className="excerpt">{p.excerpt}</blockquote>
              <Form method="post" className="inline-actions">
                <input type="hidden" name="intent" value="held" />
                <input type="hidden" name="subjectType" value={p.type} />
                <input type="hidden" name="subjectId" value={p.id} />
                <button
                  type="submit"
                  name="decision"
                  value="approve"
                  className="button secondary"
                  aria-label={t('moderation.held.approveOne', { post: label })}
                >
                  {t('moderation.bulkAction.approve')}
                </button>
                <label htmlFor={`held-reason-${key}`}>{t('moderation.hideReason')}</label>
                <select id={`held-reason-${key}`} name="reason" defaultValue="other">
                  <HideReasonOptions />
                </select>
                <button
                  type="submit"
                  name="decision"
                  value="reject"
                  className="button secondary"
                  aria-label={t('moderation.held.rejectOne', { post: label })}
                >
                  {t('moderation.bulkAction.reject')}
                </button>
              </Form>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** "Waiting: 3 to approve, 2 appeals, …", each part a link to its tab. */
function OverviewLine({ overview }: { overview: ModerationOverview }) {
  const { t } = useTranslation()
  const parts = (
    [
      ['pending', 'pending', overview.pending],
      ['appeals', 'appeals', overview.appeals],
      ['disputes', 'disputes', overview.disputes],
      ['autoHidden', 'flagged', overview.autoHidden],
      ['escalated', 'flagged', overview.escalated],
      ['overdue', 'overdue', overview.overdue],
    ] as const
  ).filter(([, , count]) => count > 0)
  return (
    <p className="overview" id="overview">
      {parts.length === 0 ? (
        t('moderation.overview.nothing')
      ) : (
        <>
          {t('moderation.overview.label')}{' '}
          {parts.map(([key, tab, count], i) => (
            <span key={key}>
              {i > 0 && ', '}
              <Link to={`/moderation?tab=${tab}`}>
                {t(`moderation.overview.${key}`, { count })}
              </Link>
            </span>
          ))}
          .
        </>
      )}
    </p>
  )
}
