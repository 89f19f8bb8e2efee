// Shared by models, forms and components (no server code here).
export const SORTS = ['new', 'top', 'trending', 'unsolved'] as const
export const PUBLIC_STATUSES = ['open', 'in_progress', 'solved', 'closed'] as const
export const POSTER_KINDS = ['resident', 'business', 'association', 'municipality'] as const
export const TITLE_MIN = 10
export const TITLE_MAX = 140
export const DESCRIPTION_MAX = 20_000
export const SOLUTION_MAX = 20_000
export const COMMENT_MAX = 5_000
export const PLAN_MAX = 2_000

/**
 * Whether a challenge is on the public board. Hidden, pending and rejected challenges are seen
 * only by their author and moderators, and nothing done among the public (voting, following,
 * commenting, sharing, pledging, proposing, solving, disputing) applies to them.
 */
export function isOnPublicBoard(challenge: { status: string; hidden_at: string | null }) {
  return (
    challenge.hidden_at === null &&
    (PUBLIC_STATUSES as readonly string[]).includes(challenge.status)
  )
}
