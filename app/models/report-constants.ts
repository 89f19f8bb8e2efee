// Shared by the reports model and the page (no server code here).
import type { ChallengeStatus } from '#db/schema'
import { CHALLENGE_STATUSES } from '~/models/challenge-constants'

/** Statuses in the order the stacked bars draw them (bottom to top) and the tables list them. */
export const REPORT_STATUSES = CHALLENGE_STATUSES satisfies readonly ChallengeStatus[]

/** Backlog ages: < 7 days, 7–29, 30–90, 91–364, ≥ 365 days. */
export const BACKLOG_BUCKETS = ['week', 'month', 'quarter', 'year', 'older'] as const
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number]

/** How many organisations and challenges the top lists show. */
export const TOP_LIMIT = 10

export interface StatusWeek {
  /** Monday of the ISO week, YYYY-MM-DD (UTC). */
  week: string
  total: number
  counts: Record<ChallengeStatus, number>
}

export interface TaxonomyCount {
  id: number
  slug: string
  name_sv: string
  name_en: string
  count: number
}

export interface DepartmentTimes {
  /** null: not routed to a department. */
  id: number | null
  name: string | null
  count: number
  responded: number
  /** Days (fractional); null when none responded. */
  responseMedian: number | null
  responseP90: number | null
  solved: number
  solveMedian: number | null
  solveP90: number | null
}

/** An area's counted challenges with coordinates and without (the place's words aside). */
export interface PlaceCount {
  id: number
  slug: string
  name_sv: string
  name_en: string
  located: number
  unlocated: number
}

export interface EngagementWeek {
  week: string
  activeUsers: number
  votes: number
  comments: number
}

export interface ReportData {
  /** Challenges counted: posted in the range, matching the filters, visible, not merged. */
  total: number
  weeks: StatusWeek[]
  categories: TaxonomyCount[]
  areas: TaxonomyCount[]
  /** Per area, how many of the counted challenges have coordinates: the areas in `areas`' order. */
  places: PlaceCount[]
  departments: DepartmentTimes[]
  backlog: Array<{ bucket: BacklogBucket; count: number }>
  solved: number
  solvers: Array<{ id: number; name: string; slug: string; count: number }>
  /** Answers to "is it fixed?" about these challenges. */
  fixedAnswers: { fixed: number; notFixed: number }
  topOpen: Array<{ id: number; title: string; status: ChallengeStatus; votes: number }>
  engagement: EngagementWeek[]
}
