import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { ChallengeName, MyThingsPage, Pager, pageHref } from '~/components/MyThings'
import { StatusBadge } from '~/components/StatusBadge'
import { parseId } from '~/forms/challenge'
import { FollowListSchema, parseMyPage } from '~/forms/my-things'
import { getChallenge } from '~/models/challenge.server'
import { setFollow } from '~/models/follow.server'
import { listMyFollows, MY_PAGE_SIZE } from '~/models/my-things.server'
import { getRequestT } from '~/services/i18n.server'
import { requireUser } from '~/services/session.server'
import { formatDate, formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { maySeeChallenge, type Actor } from '~/utils/policy'

export const meta = titleMeta

const PATH = '/me/following'
const href = pageHref(PATH)

/** A challenge the person may follow (again): visible to them and not merged away. */
async function followable(id: number, user: Actor) {
  const challenge = await getChallenge(id)
  return challenge && challenge.merged_into_id === null && maySeeChallenge(user, challenge)
    ? challenge
    : null
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const page = parseMyPage(url)
  if (!page) throw json({ error: 'bad page' }, { status: 400 })
  const [{ t }, list] = await Promise.all([getRequestT(request), listMyFollows(user, page)])
  const pages = Math.max(1, Math.ceil(list.total / MY_PAGE_SIZE))
  if (page > 1 && page > pages) {
    // Past the end (the last row of the last page was just unfollowed): the last page, keeping
    // the notice.
    url.searchParams.delete('page')
    if (pages > 1) url.searchParams.set('page', String(pages))
    throw redirect(`${PATH}${url.search}`)
  }

  // What the last click did, said after the redirect (no JavaScript needed), with an undo.
  let notice: { kind: 'unfollowed' | 'followed'; id: number; title: string | null } | null = null
  for (const kind of ['unfollowed', 'followed'] as const) {
    const id = parseId(url.searchParams.get(kind) ?? undefined)
    if (!id) continue
    const challenge = await followable(id, user)
    notice = { kind, id, title: challenge?.title ?? null }
  }
  return json({ title: t('myThings.following.title'), page, pages, notice, ...list })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: FollowListSchema })
  if (submission.status !== 'success') throw json({ error: 'bad form' }, { status: 400 })
  const { intent, challengeId, page = 1 } = submission.value
  if (intent === 'unfollow') {
    // The person's own row: removable whatever became of the challenge since.
    await setFollow(challengeId, user.id, false)
  } else {
    if (!(await followable(challengeId, user))) throw json({ error: 'not found' }, { status: 404 })
    await setFollow(challengeId, user.id, true)
  }
  const query = new URLSearchParams({ [`${intent}ed`]: String(challengeId) })
  if (page > 1) query.set('page', String(page))
  return redirect(`${PATH}?${query}`)
}

export default function Following() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { page, pages, total, items, notice } = useLoaderData<typeof loader>()
  return (
    <MyThingsPage title={t('myThings.following.title')} intro={t('myThings.following.intro')}>
      {notice && (
        <div className="notice" role="status">
          {notice.kind === 'unfollowed' ? (
            <Form method="post" className="inline-form">
              {notice.title
                ? t('myThings.following.unfollowed', { title: notice.title })
                : t('myThings.following.unfollowedHidden')}
              {notice.title && (
                <>
                  {' '}
                  <input type="hidden" name="challengeId" value={notice.id} />
                  <input type="hidden" name="page" value={page} />
                  <button type="submit" name="intent" value="follow" className="link-button">
                    {t('myThings.following.followAgain')}
                  </button>
                </>
              )}
            </Form>
          ) : (
            notice.title && t('myThings.following.followedAgain', { title: notice.title })
          )}
        </div>
      )}
      <section aria-labelledby="following">
        <h2 id="following">{t('myThings.following.summary', { count: total })}</h2>
        {items.length === 0 ? (
          <p>
            {t('myThings.following.empty')}{' '}
            <Link to="/challenges">{t('myThings.following.browse')}</Link>
          </p>
        ) : (
          <ol className="cards" aria-labelledby="following">
            {items.map((f) => (
              <li key={f.challenge.id} className="card follow-row">
                <div>
                  <h3>
                    <ChallengeName challenge={f.challenge} status={false} />
                  </h3>
                  <p className="meta">
                    {f.challenge.status && (
                      <>
                        <StatusBadge status={f.challenge.status} />{' '}
                      </>
                    )}
                    {t('myThings.following.since', {
                      date: formatDate(f.followedAt, locale, 'short'),
                    })}
                    {f.lastActivityAt && (
                      <>
                        {' · '}
                        {t('myThings.lastActivity', {
                          date: formatDate(f.lastActivityAt, locale, 'short'),
                        })}
                      </>
                    )}
                  </p>
                  {f.votes !== null && f.followers !== null && (
                    <ul className="counts" aria-label={t('board.counts')}>
                      <li>
                        {t('board.votes', {
                          count: f.votes,
                          formatted: formatNumber(f.votes, locale),
                        })}
                      </li>
                      <li>{t('myThings.challenges.followers', { count: f.followers })}</li>
                    </ul>
                  )}
                </div>
                <Form method="post">
                  <input type="hidden" name="challengeId" value={f.challenge.id} />
                  <input type="hidden" name="page" value={page} />
                  <button
                    type="submit"
                    name="intent"
                    value="unfollow"
                    className="button secondary"
                    aria-label={t('myThings.following.unfollowNamed', {
                      title: f.challenge.title ?? t('myThings.hiddenChallenge'),
                    })}
                  >
                    {t('myThings.following.unfollow')}
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </section>
      <Pager page={page} pages={pages} href={href} />
    </MyThingsPage>
  )
}
