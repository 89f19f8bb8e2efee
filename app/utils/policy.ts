// Who may do what: DESIGN.md's roles table as pure functions, shared by loaders, actions, models
// and components (no database here, so the browser may import it). Every permission question of
// the app is answered here; app/models/policy.server.ts loads what the rules need (the
// organisations a person acts for) and answers for a signed-in user. Components never read a
// role: their loader hands them a `can` object built from these functions.
//
// Naming: `may…(actor, thing)` answers "may this person … this thing"; `is…` describes a person
// or a role. `actor` is null or undefined for a visitor wherever a visitor can be asked about.
import type { MembershipRole, Role } from '#db/schema'
import { canWithdraw, isActiveStatus, isOnPublicBoard } from '~/models/challenge-constants'

/** The site roles, lowest first (the admin's user list offers them in this order). */
export const ROLES = ['member', 'moderator', 'admin'] as const satisfies readonly Role[]
/** Roles that moderate: DESIGN.md's "moderator" and "admin" columns. */
export const STAFF_ROLES = ['moderator', 'admin'] as const satisfies readonly Role[]

// Every role the database knows is in ROLES (a new role fails to compile here until it is).
type Missing = Exclude<Role, (typeof ROLES)[number]>
const everyRoleListed: Missing extends never ? true : never = true
void everyRoleListed

/** Authors may edit a comment for this long after posting it. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000

export interface Actor {
  id: number
  role: Role
}

/**
 * A signed-in person with their active memberships (the organisations they act for, and their
 * role in each). app/models/policy.server.ts's `loadActor` fills it.
 */
export interface ActingActor extends Actor {
  memberships: readonly { organisationId: number; role: MembershipRole }[]
}

type Someone = Actor | null | undefined

/** A post of any kind as the ownership rules see it: who wrote it, and for which organisation. */
export interface OwnedPost {
  author_id: number | null
  organisation_id: number | null
}

// People and roles

/** A staff role (moderator or admin), for rows that carry a role but are not the actor. */
export function isStaffRole(role: string | null | undefined): boolean {
  return (STAFF_ROLES as readonly string[]).includes(role ?? '')
}

/** A moderator or an admin. */
export function isStaff(actor: Someone): boolean {
  return isStaffRole(actor?.role)
}

export function isAdmin(actor: Someone): boolean {
  return actor?.role === 'admin'
}

/**
 * Whether a ban (`users.banned_until`, an ISO time, null when none) still holds at `now`. Banned
 * people may not sign in, and their sessions end.
 */
export function isBanned(bannedUntil: string | null | undefined, now = new Date()): boolean {
  return bannedUntil != null && Date.parse(bannedUntil) > now.getTime()
}

/**
 * An account that must confirm its address before signing in: members. Staff accounts are made
 * or promoted by an admin, who vouches for them.
 */
export function needsEmailConfirmation(user: { role: Role; email_verified_at: string | null }) {
  return user.email_verified_at === null && !isStaffRole(user.role)
}

/**
 * A post never hidden by flags alone: a moderator's or an admin's, or one made for a municipal
 * department or a verified organisation (it speaks for the municipality or for someone an admin
 * vouched for).
 */
export function isProtectedFromFlags(post: {
  authorRole: string | null
  organisationKind?: string | null
  organisationVerifiedAt?: string | null
}): boolean {
  return (
    isStaffRole(post.authorRole) ||
    post.organisationKind === 'municipality' ||
    Boolean(post.organisationVerifiedAt)
  )
}

// Staff work (DESIGN.md: hidden posts, flags, status, routing, hiding, bans, reports; admin)

/** Change status, route, hide and restore, decide held posts, read reports and exports. */
export function mayModerate(actor: Someone): boolean {
  return isStaff(actor)
}

/** Categories, areas, organisations, roles, settings. */
export function mayAdminister(actor: Someone): boolean {
  return isAdmin(actor)
}

/** See hidden, pending and rejected posts, flags and internal notes. */
export function maySeeHidden(actor: Someone): boolean {
  return isStaff(actor)
}

/** Nobody bans themselves; only an admin bans a moderator or an admin. */
export function mayBan(actor: Someone, target: Actor): boolean {
  if (!actor || !mayModerate(actor) || target.id === actor.id) return false
  return target.role === 'member' || isAdmin(actor)
}

/** Admins change roles, but never take the admin role from themselves. */
export function mayChangeRole(actor: Someone, targetId: number, role: Role): boolean {
  if (!actor || !mayAdminister(actor)) return false
  return !(targetId === actor.id && role !== 'admin')
}

// Review (pre-moderation and quarantine, app/models/held-posts.server.ts)

/** Staff posts and edits never wait for a moderator. */
export function mayPublishWithoutReview(actor: Someone): boolean {
  return isStaff(actor)
}

/** Whether this person's edits of published posts wait for a moderator: pre-moderation, not staff. */
export function editsNeedReview(actor: Someone, settings: { preModeration: boolean }): boolean {
  return settings.preModeration && !mayPublishWithoutReview(actor)
}

// Challenges and posts

/**
 * Whether someone may see a challenge at all: hidden, pending and rejected ones only by their
 * author and staff.
 */
export function maySeeChallenge(
  actor: Someone,
  challenge: { author_id: number | null; hidden_at: string | null; status: string },
): boolean {
  if (maySeeHidden(actor)) return true
  const own = Boolean(actor) && challenge.author_id === actor?.id
  return own || isOnPublicBoard(challenge)
}

/** Act for an organisation (post, pledge or answer on its behalf): an active member. */
export function mayActFor(actor: ActingActor, organisationId: number | null): boolean {
  return (
    organisationId !== null && actor.memberships.some((m) => m.organisationId === organisationId)
  )
}

/**
 * DESIGN.md's "edit or withdraw own posts": own posts, posts made for an organisation the person
 * acts for, and any post for staff.
 */
export function mayManagePost(actor: ActingActor, post: OwnedPost): boolean {
  if (isStaff(actor)) return true
  if (post.author_id === actor.id) return true
  return mayActFor(actor, post.organisation_id)
}

/**
 * Open a challenge's edit page: whoever manages it, as long as it is not hidden (then only staff
 * see it) and not withdrawn (it is over; only staff still change it).
 */
export function mayEditChallenge(
  actor: ActingActor,
  challenge: OwnedPost & { hidden_at: string | null; withdrawn_at: string | null },
): boolean {
  if (challenge.hidden_at && !maySeeHidden(actor)) return false
  if (challenge.withdrawn_at && !isStaff(actor)) return false
  return mayManagePost(actor, challenge)
}

/** Withdraw a challenge: whoever may edit it, while its state allows (see WITHDRAWABLE). */
export function mayWithdrawChallenge(
  actor: ActingActor,
  challenge: Parameters<typeof mayEditChallenge>[1] & Parameters<typeof canWithdraw>[0],
): boolean {
  return mayEditChallenge(actor, challenge) && canWithdraw(challenge)
}

/** Edit a proposed solution: whoever manages it, unless it is hidden (then only staff). */
export function mayEditSolution(
  actor: ActingActor,
  solution: OwnedPost & { hidden_at: string | null },
): boolean {
  if (solution.hidden_at && !maySeeHidden(actor)) return false
  return mayManagePost(actor, solution)
}

/** Accept or unaccept a proposed solution: whoever manages the challenge. */
export function mayAcceptSolution(actor: ActingActor, challenge: OwnedPost): boolean {
  return mayManagePost(actor, challenge)
}

/** Mark a challenge solved: whoever manages it, while it is open or in progress. */
export function maySolve(actor: ActingActor, challenge: OwnedPost & { status: string }): boolean {
  return mayManagePost(actor, challenge) && isActiveStatus(challenge.status)
}

/**
 * Dispute a solved challenge on the public board; whoever may manage it reopens it themselves
 * rather than disputing their own word.
 */
export function mayDispute(
  actor: ActingActor,
  challenge: OwnedPost & {
    status: string
    hidden_at: string | null
    merged_into_id: number | null
  },
): boolean {
  if (challenge.status !== 'solved' || challenge.hidden_at || challenge.merged_into_id) return false
  return !mayManagePost(actor, challenge)
}

/** Withdraw a pledge, mark it done, report progress: its pledger, their organisation, staff. */
export function mayManagePledge(
  actor: ActingActor,
  pledge: { user_id: number | null; organisation_id: number | null },
): boolean {
  return mayManagePost(actor, {
    author_id: pledge.user_id,
    organisation_id: pledge.organisation_id,
  })
}

/**
 * Why a comment may not be edited, or null when it may: only its author, only while it is not
 * removed, within COMMENT_EDIT_WINDOW_MS, and under pre-moderation only while it is still held
 * (comments keep no revisions to review, so a published one is not rewritten unseen).
 */
export function commentEditRefusal(
  actor: Someone,
  comment: {
    author_id: number | null
    created_at: string
    deleted_at?: string | null
    held_at: string | null
  },
  settings: { preModeration: boolean },
  now: number = Date.now(),
): 'forbidden' | 'reviewed' | 'expired' | null {
  if (!actor || comment.author_id !== actor.id || comment.deleted_at) return 'forbidden'
  if (comment.held_at === null && editsNeedReview(actor, settings)) return 'reviewed'
  if (!isWithinCommentEditWindow(comment, now)) return 'expired'
  return null
}

export function mayEditComment(...args: Parameters<typeof commentEditRefusal>): boolean {
  return commentEditRefusal(...args) === null
}

export function isWithinCommentEditWindow(comment: { created_at: string }, now = Date.now()) {
  return now - Date.parse(comment.created_at) <= COMMENT_EDIT_WINDOW_MS
}

/** Delete (remove) a comment: its author or staff. */
export function mayDeleteComment(actor: Someone, comment: { author_id: number | null }): boolean {
  if (!actor) return false
  return comment.author_id === actor.id || isStaff(actor)
}

/** Appeal a hidden post: its author only, while it is hidden. */
export function mayAppeal(
  actor: Someone,
  post: { author_id: number | null; hidden_at: string | null },
): boolean {
  return Boolean(actor) && post.hidden_at !== null && post.author_id === actor?.id
}

// Departments (DESIGN.md: "department inbox, official responses")

/**
 * Write an official response on a challenge: staff, or a member of the municipal department it
 * is routed to. A merged duplicate takes none.
 */
export function mayRespondOfficially(
  actor: ActingActor,
  challenge: { department_id: number | null; merged_into_id?: number | null },
): boolean {
  if (challenge.merged_into_id) return false
  return isStaff(actor) || mayActFor(actor, challenge.department_id)
}

/** Read every department's inbox, not only one's own departments'. */
export function mayReadEveryInbox(actor: Someone): boolean {
  return isStaff(actor)
}

/** Open /inbox: staff, or a member of at least one municipal department. */
export function mayReadInbox(actor: Someone, departmentIds: readonly number[]): boolean {
  return mayReadEveryInbox(actor) || departmentIds.length > 0
}

// Organisations

/** Edit an organisation's profile and answer its join requests: an active owner. */
export function mayManageOrganisation(actor: ActingActor, organisationId: number): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'owner')
}

// `can` objects for pages

/** What the header offers: the moderation, reports and admin links. */
export function headerCan(actor: Someone) {
  return { moderate: mayModerate(actor), administer: mayAdminister(actor) }
}

/**
 * What the challenge page offers a signed-in person (null for visitors): its loader builds this
 * once, and the page's sections read it instead of roles.
 */
export function challengePageCan(
  actor: ActingActor | null,
  challenge: OwnedPost & {
    status: string
    hidden_at: string | null
    withdrawn_at: string | null
    merged_into_id: number | null
    department_id: number | null
  },
  settings: { preModeration: boolean },
) {
  if (!actor) return null
  return {
    /** Accept solutions, mark pledges done, see the edit that waits. */
    manage: mayManagePost(actor, challenge),
    edit: mayEditChallenge(actor, challenge),
    solve: maySolve(actor, challenge),
    dispute: mayDispute(actor, challenge),
    respond: mayRespondOfficially(actor, challenge),
    /** Remove anyone's comment, see hidden posts. */
    moderate: mayModerate(actor),
    /** Pre-moderation: their new posts and edits of published ones wait for a moderator. */
    reviewed: editsNeedReview(actor, settings),
  }
}
