import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { handleChallengeAction } from '~/actions/challenge.server'
import { ChallengeView } from '~/components/challenge/ChallengeView'
import { PostedContext } from '~/components/challenge/PostedNotice'
import { parseId } from '~/forms/challenge'
import { getChallenge, getPendingRevision } from '~/models/challenge.server'
import { isOnPublicBoard } from '~/models/challenge-constants'
import { getChallengePage } from '~/models/challenge-page.server'
import { getFixedSection } from '~/models/fixed-question.server'
import { editsNeedReview } from '~/models/held-posts.server'
import { getSettings } from '~/models/settings.server'
import { getSolverCandidates } from '~/models/solvers.server'
import { listUserMemberships } from '~/models/organisation.server'
import { canManagePost, canSeeChallenge, isModerator } from '~/models/permissions.server'
import { getRequestT } from '~/services/i18n.server'
import { getUser, requireUser } from '~/services/session.server'
import { absoluteUrl } from '~/env.server'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta({
  type: 'article',
  path: (data) => {
    const id = (data as { challenge?: { id: number } } | undefined)?.challenge?.id
    return id ? `/challenges/${id}` : undefined
  },
})

const notFound = () => json({ error: 'not found' }, { status: 404 })

/** After a flag: "1" thanks the flagger; "hidden" also says the post is now hidden. */
const flaggedNotice = (value: string | null) =>
  value === '1' ? ('sent' as const) : value === 'hidden' ? ('hidden' as const) : null

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  if (!id) throw notFound()
  const user = await getUser(request)
  const page = await getChallengePage(id, user)
  if (!page) throw notFound()
  // A merged duplicate lives on as a pointer to the challenge it joined.
  if (page.challenge.merged_into_id)
    throw redirect(`/challenges/${page.challenge.merged_into_id}`, 301)
  const [canManage, memberships] = user
    ? await Promise.all([canManagePost(user, page.challenge), listUserMemberships(user.id)])
    : [false, []]
  const url = new URL(request.url)
  const active = page.challenge.status === 'open' || page.challenge.status === 'in_progress'
  const [solveCandidates, fixed, pendingEdit, { t, locale }, settings] = await Promise.all([
    // Who may be credited, for the owner's solve form.
    canManage && active ? getSolverCandidates(id) : null,
    getFixedSection(page.challenge, user?.id ?? null),
    // An edit waiting for a moderator: told to those who may edit the challenge (moderators
    // find it in their queue).
    canManage && !isModerator(user) ? getPendingRevision(id) : undefined,
    getRequestT(request),
    getSettings(),
  ])
  const { challenge } = page
  // Link previews and search engines get only what the public board shows: a hidden, pending
  // or rejected challenge (seen by its author or a moderator) gets no description, and noindex.
  const visible = isOnPublicBoard(challenge)
  return json({
    title: challenge.title,
    description: visible
      ? challenge.summary ||
        t('meta.challenge', {
          board: settings.boardName,
          category: locale === 'en' ? challenge.category_en : challenge.category_sv,
          area: locale === 'en' ? challenge.area_en : challenge.area_sv,
        })
      : undefined,
    noindex: !visible,
    ...page,
    url: absoluteUrl(url.pathname),
    flagged: flaggedNotice(url.searchParams.get('flagged')),
    appealed: url.searchParams.get('appealed') === '1',
    // Which new post to confirm (set by the action's redirect), e.g. "comment-12".
    posted:
      /^(comment|solution|pledge|progress)-\d{1,16}$/.exec(url.searchParams.get('posted') ?? '')
        ?.input ?? null,
    solveCandidates: solveCandidates?.map((c) => ({
      key: c.key,
      name: c.name,
      pledged: c.pledged,
      worked: c.worked,
      done: c.done,
      accepted: c.accepted,
      preselected: c.preselected,
    })),
    fixed,
    pendingEditSince: pendingEdit?.created_at ?? null,
    me: user
      ? {
          id: user.id,
          canManage,
          moderator: isModerator(user),
          /** Pre-moderation: their new posts and edits of published ones wait for a moderator. */
          reviewed: editsNeedReview(user, settings),
          canRespond:
            isModerator(user) ||
            (page.challenge.department_id !== null &&
              memberships.some(
                (m) => m.id === page.challenge.department_id && m.status === 'active',
              )),
          organisations: memberships
            .filter((m) => m.status === 'active')
            .map((m) => ({ id: m.id, name: m.name })),
        }
      : null,
  })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.id)
  const challenge = id ? await getChallenge(id) : undefined
  if (!challenge) throw notFound()
  // A light check, not the whole page: actions (votes above all) must stay cheap.
  if (!canSeeChallenge(challenge, user)) throw notFound()
  return handleChallengeAction(user, challenge, await request.formData(), context.ip ?? null)
}

export default function ChallengePage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <PostedContext.Provider value={data.posted}>
      <ChallengeView data={data} actionData={actionData ?? null} />
    </PostedContext.Provider>
  )
}
