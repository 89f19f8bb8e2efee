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
