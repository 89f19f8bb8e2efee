import { json, redirect } from '@remix-run/node'
import { absoluteUrl, mapTiles } from '~/env.server'
import { parseId } from '~/forms/challenge'
import { getPendingRevision } from '~/models/challenge.server'
import { isActiveStatus, isOnPublicBoard } from '~/models/challenge-constants'
import { getChallengePage } from '~/models/challenge-page.server'
import { getFixedSection } from '~/models/fixed-question.server'
import { listUserMemberships } from '~/models/organisation.server'
import { loadActor } from '~/models/policy.server'
import { getSettings } from '~/models/settings.server'
import { getSolverCandidates } from '~/models/solvers.server'
import { getRequestT } from '~/services/i18n.server'
import { getUser } from '~/services/session.server'
import {
  commentEditRefusal,
  editsNeedReview,
  isStaff,
  mayDeleteComment,
  mayManagePost,
  mayRespondOfficially,
} from '~/utils/policy'
import { notFound } from '~/utils/responses.server'

/** After a flag: "1" thanks the flagger; "hidden" also says the post is now hidden. */
const flaggedNotice = (value: string | null) =>
  value === '1' ? ('sent' as const) : value === 'hidden' ? ('hidden' as const) : null

/**
 * The challenge page's data (its route's loader). Kept out of the route so the page's section
 * components can type their slices without importing a route module.
 */
export async function challengePageData(request: Request, rawId: string | undefined) {
  const id = parseId(rawId)
  if (!id) throw notFound()
  const user = await getUser(request)
  const page = await getChallengePage(id, user)
  if (!page) throw notFound()
  // A merged duplicate lives on as a pointer to the challenge it joined.
  if (page.challenge.merged_into_id)
    throw redirect(`/challenges/${page.challenge.merged_into_id}`, 301)
  const [actor, memberships] = user
    ? await Promise.all([loadActor(user), listUserMemberships(user.id)])
    : [null, []]
  const canManage = actor ? mayManagePost(actor, page.challenge) : false
  const url = new URL(request.url)
  const active = isActiveStatus(page.challenge.status)
  const [solveCandidates, fixed, pendingEdit, { t, locale }, settings] = await Promise.all([
    // Who may be credited, for the owner's solve form.
    canManage && active ? getSolverCandidates(id) : null,
    getFixedSection(page.challenge, user?.id ?? null),
    // An edit waiting for a moderator: told to those who may edit the challenge (moderators
    // find it in their queue).
    canManage && !isStaff(user) ? getPendingRevision(id) : undefined,
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
    /** The map's tiles (MAP_TILES_URL); null: no map, the place is text only. */
    mapTiles: mapTiles(),
    pendingEditSince: pendingEdit?.created_at ?? null,
    // What the viewer may do here, from the policy: components read this, never roles.
    can: {
      /** Accept solutions, mark solved, see a pending edit (the challenge's owners and staff). */
      manage: canManage,
      /**
       * The "Edit" link. Not `mayEditChallenge`: that also refuses the author of a *hidden*
       * challenge (the edit page answers them 403), yet the page has always shown them the link
       * (tests/http/small-breaks.test.ts pins it); a withdrawn one is left to staff.
       */
      edit: canManage && (!page.challenge.withdrawn_at || isStaff(user)),
      respond: actor ? mayRespondOfficially(actor, page.challenge) : false,
    },
    comments: page.comments.map((c) => ({
      ...c,
      can: {
        edit: !c.removed && commentEditRefusal(user, { ...c, deleted_at: null }, settings) === null,
        delete: !c.removed && mayDeleteComment(user, c),
      },
    })),
    me: user
      ? {
          id: user.id,
          /** Pre-moderation: their new posts and edits of published ones wait for a moderator. */
          reviewed: editsNeedReview(user, settings),
          organisations: memberships
            .filter((m) => m.status === 'active')
            .map((m) => ({ id: m.id, name: m.name })),
        }
      : null,
  })
}
