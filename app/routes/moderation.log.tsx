import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AuditTable } from '~/components/moderation/AuditTable'
import { useTranslation } from '~/i18n-react'
import { getAuditNames } from '~/models/audit-names.server'
import { AUDIT_PAGE, listAudit } from '~/models/moderation-page.server'
import { getRequestT } from '~/services/i18n.server'
import { requireModerator } from '~/services/session.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const SUBJECTS = [
  'challenge',
  'solution',
  'comment',
  'photo',
  'user',
  'organisation',
  'appeal',
  'category',
  'area',
  'settings',
  'reply_template',
  'report',
]

function optionalId(value: string | null) {
  if (!value) return undefined
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw json({}, { status: 400 })
  return Number(value)
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireModerator(request)
  const url = new URL(request.url)
  const action = (url.searchParams.get('action') ?? '').trim().slice(0, 60)
  const subjectType = url.searchParams.get('subject') || undefined
  if (subjectType && !SUBJECTS.includes(subjectType)) throw json({}, { status: 400 })
  const filter = {
    action: action || undefined,
    subjectType,
    subjectId: optionalId(url.searchParams.get('id')),
    actorId: optionalId(url.searchParams.get('actor')),
    before: optionalId(url.searchParams.get('before')),
  }
  const [{ t }, entries] = await Promise.all([getRequestT(request), listAudit(filter)])
  return json({
    title: t('log.title'),
    filter,
    entries,
    names: await getAuditNames(entries),
    hasMore: entries.length === AUDIT_PAGE,
  })
}

export default function AuditLog() {
  const { t } = useTranslation()
  const { filter, entries, names, hasMore } = useLoaderData<typeof loader>()
  // Where an event about a challenge (or one of its posts) can be followed up.
  const triageOf = (e: (typeof entries)[number]) =>
    e.subject_id === null
      ? undefined
      : e.subject_type === 'challenge'
        ? e.subject_id
        : e.subject_type === 'comment' || e.subject_type === 'solution'
          ? names.postChallenges[`${e.subject_type}:${e.subject_id}`]
          : undefined
  const next = new URLSearchParams()
  for (const [k, v] of Object.entries({
    action: filter.action,
    subject: filter.subjectType,
    id: filter.subjectId,
    actor: filter.actorId,
  })) {
    if (v !== undefined) next.set(k, String(v))
  }
  if (entries.length) next.set('before', String(entries.at(-1)!.id))
  return (
    <>
      <p>
        <Link to="/moderation">{t('triage.back')}</Link>
      </p>
      <h1>{t('log.title')}</h1>
      <Form method="get" className="filters" aria-label={t('log.filter')}>
        <div className="field">
          <label htmlFor="action">{t('log.action')}</label>
          <input
            id="action"
            name="action"
            type="text"
            defaultValue={filter.action ?? ''}
            maxLength={60}
          />
        </div>
        <div className="field">
          <label htmlFor="subject">{t('log.subject')}</label>
          <select id="subject" name="subject" defaultValue={filter.subjectType ?? ''}>
            <option value="">{t('board.any')}</option>
            {SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {t(`log.subjects.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="id">{t('log.subjectId')}</label>
          <input
            id="id"
            name="id"
            type="text"
            inputMode="numeric"
            defaultValue={filter.subjectId ?? ''}
          />
        </div>
        <button type="submit" className="button">
          {t('board.apply')}
        </button>
      </Form>
      <AuditTable
        caption={t('log.title')}
        entries={entries}
        names={names}
        linkOf={(e) => {
          const challengeId = triageOf(e)
          return challengeId ? `/moderation/challenges/${challengeId}` : undefined
        }}
      />
      {hasMore && (
        <p>
          <Link to={`/moderation/log?${next}`}>{t('log.older')}</Link>
        </p>
      )}
    </>
  )
}
