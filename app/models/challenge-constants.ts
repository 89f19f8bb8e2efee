// Shared by models, forms and components (no server code here).
export const SORTS = ['new', 'top', 'trending', 'unsolved'] as const
/** Every status a challenge can have, in its life's order (the moderator's choice, the reports' bars). */
export const CHALLENGE_STATUSES = [
  'pending',
  'open',
  'in_progress',
  'solved',
  'closed',
  'rejected',
] as const
export const PUBLIC_STATUSES = ['open', 'in_progress', 'solved', 'closed'] as const
/** A challenge still being worked on: it takes solutions and pledges, and can be solved. */
export const ACTIVE_STATUSES = ['open', 'in_progress'] as const
export const POSTER_KINDS = ['resident', 'business', 'association', 'municipality'] as const
export const TITLE_MIN = 10
export const TITLE_MAX = 140
export const DESCRIPTION_MAX = 20_000
export const SOLUTION_MAX = 20_000
export const COMMENT_MAX = 5_000
export const PLAN_MAX = 2_000

/** Whether a status is one the public sees (open, in progress, solved, closed). */
export function isPublicStatus(status: string) {
  return (PUBLIC_STATUSES as readonly string[]).includes(status)
}

/** Whether a challenge is still being worked on (open or in progress). */
export function isActiveStatus(status: string) {
  return (ACTIVE_STATUSES as readonly string[]).includes(status)
}

/**
 * Whether a challenge is on the public board. Hidden, pending and rejected challenges are seen
 * only by their author and moderators, and nothing done among the public (voting, following,
 * commenting, sharing, pledging, proposing, solving, disputing) applies to them.
 */
export function isOnPublicBoard(challenge: { status: string; hidden_at: string | null }) {
  return challenge.hidden_at === null && isPublicStatus(challenge.status)
}

/**
 * What withdrawing does, by status (docs/decisions.md, "Withdrawing never publishes"): an open
 * or in-progress challenge is closed with the reason "withdrawn" and stays public with its
 * votes, comments and history; a pending or rejected one, never public, keeps its status and is
 * marked withdrawn, so it stays out of every public view and leaves the moderators' queue.
 * Solved and closed challenges, and one already withdrawn, cannot be withdrawn.
 */
export const WITHDRAWABLE = ['open', 'in_progress', 'pending', 'rejected'] as const

export function canWithdraw(challenge: {
  status: string
  withdrawn_at: string | null
  merged_into_id: number | null
}) {
  return (
    challenge.withdrawn_at === null &&
    challenge.merged_into_id === null &&
    (WITHDRAWABLE as readonly string[]).includes(challenge.status)
  )
}
