import type { FlagSubject } from '#db/schema'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from '~/i18n-react'
import { ChallengeName, MyThingsPage, Pager, pageHref } from '~/components/MyThings'
import { parseMyPage } from '~/forms/my-things'
import {
  listMyReports,
  MY_DECISIONS_CAP,
  MY_PAGE_SIZE,
  type ChallengeRef,
  type DecisionState,
} from '~/models/my-things.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

const href = pageHref('/me/reports')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = parseMyPage(new URL(request.url))
  if (!page) throw json({ error: 'bad page' }, { status: 400 })
  const [{ t }, lists] = await Promise.all([getRequestT(request), listMyReports(user, page)])
  // Only the flags are paged; appeals and disputes are short and shown whole on every page.
  const pages = Math.max(1, Math.ceil(lists.flags.total / MY_PAGE_SIZE))
  if (page > 1 && page > pages) throw redirect(href(pages))
  return json({ title: t('myThings.reports.title'), page, pages, cap: MY_DECISIONS_CAP, ...lists })
}

export default function MyReports() {
  const { t } = useTranslation()
  const { page, pages, cap, flags, appeals, disputes } = useLoaderData<typeof loader>()
  return (
    <MyThingsPage title={t('myThings.reports.title')} intro={t('myThings.reports.intro')}>
      <CaseList
        id="my-flags"
        list="flags"
        items={flags.items}
        after={<Pager page={page} pages={pages} href={href} />}
      >
        {(f) => (
          <Case
            key={f.id}
            kind="flag"
            subject={f.subjectType}
            challenge={f.challenge}
            state={f.state}
            createdAt={f.createdAt}
            decidedAt={f.decidedAt}
            note={null}
          >
            <dt>{t('myThings.reports.flags.reason')}</dt>
            <dd>{t(`flagReasons.${f.reason}`)}</dd>
            {f.note && (
              <>
                <dt>{t('myThings.reports.flags.yourNote')}</dt>
                <dd className="user-text">{f.note}</dd>
              </>
            )}
          </Case>
        )}
      </CaseList>
      <CaseList
        id="my-appeals"
        list="appeals"
        items={appeals.items}
        before={<Capped shown={appeals.items.length} total={appeals.total} cap={cap} />}
      >
        {(a) => (
          <Case
            key={a.id}
            kind="appeal"
            subject={a.subjectType}
            challenge={a.challenge}
            state={a.state}
            createdAt={a.createdAt}
            decidedAt={a.decidedAt}
            note={a.note}
          >
            <dt>{t('myThings.reports.appeals.yourText')}</dt>
            <dd className="user-text">{a.body}</dd>
          </Case>
        )}
      </CaseList>
      <CaseList
        id="my-disputes"
        list="disputes"
        items={disputes.items}
        before={<Capped shown={disputes.items.length} total={disputes.total} cap={cap} />}
      >
        {(d) => (
          <Case
            key={d.id}
            kind="dispute"
            subject="challenge"
            challenge={d.challenge}
            state={d.state}
            createdAt={d.createdAt}
            decidedAt={d.decidedAt}
            note={d.note}
          >
            <dt>{t('myThings.reports.disputes.yourText')}</dt>
            <dd className="user-text">{d.body}</dd>
          </Case>
        )}
      </CaseList>
    </MyThingsPage>
  )
}

/** One of the three lists: a heading, what to say when it is empty, and its cases. */
function CaseList<Item>({
  id,
  list,
  items,
  before,
  after,
  children,
}: {
  id: string
  list: 'flags' | 'appeals' | 'disputes'
  items: Item[]
  before?: ReactNode
  after?: ReactNode
  children: (item: Item) => ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(`myThings.reports.${list}.title`)}</h2>
      {before}
      {items.length === 0 ? (
        <p>{t(`myThings.reports.${list}.empty`)}</p>
      ) : (
        <ol className="cards" aria-labelledby={id}>
          {items.map(children)}
        </ol>
      )}
      {after}
    </section>
  )
}

function Capped({ shown, total, cap }: { shown: number; total: number; cap: number }) {
  const { t } = useTranslation()
  if (total <= shown || shown < cap) return null
  return <p className="meta">{t('myThings.reports.capped', { shown, total })}</p>
}

/** One flag, appeal or dispute: what it is about, its state, when, and the moderator's note. */
function Case({
  kind,
  subject,
  challenge,
  state,
  createdAt,
  decidedAt,
  note,
  children,
}: {
  kind: 'flag' | 'appeal' | 'dispute'
  subject: FlagSubject
  challenge: ChallengeRef
  state: DecisionState
  createdAt: string
  decidedAt: string | null
  note: string | null
  children: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <li className="card">
      <h3>
        {t(`myThings.reports.subject.${subject}`)} <ChallengeName challenge={challenge} />
      </h3>
      <dl className="facts">
        <dt>{t('myThings.reports.state')}</dt>
        <dd>
          <strong>{t(`myThings.reports.states.${kind}.${state}`)}</strong>
        </dd>
        <dt>{t('myThings.reports.sent')}</dt>
        <dd>
          <time dateTime={createdAt}>{formatDate(createdAt, locale, 'short')}</time>
        </dd>
        {decidedAt && state !== 'open' && (
          <>
            <dt>{t('myThings.reports.decided')}</dt>
            <dd>
              <time dateTime={decidedAt}>{formatDate(decidedAt, locale, 'short')}</time>
            </dd>
          </>
        )}
        {children}
        {note && (
          <>
            <dt>{t('myThings.reports.note')}</dt>
            <dd className="user-text">{note}</dd>
          </>
        )}
      </dl>
    </li>
  )
}
