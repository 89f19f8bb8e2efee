import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

// Dates are ISO 8601 text in UTC. Types match what SQLite really returns.
type Timestamp = string

export type Role = 'member' | 'moderator' | 'admin'
export type OrganisationKind = 'business' | 'association' | 'municipality'
export type MembershipRole = 'owner' | 'member'
export type MembershipStatus = 'active' | 'pending'
export type OutboxStatus = 'pending' | 'sent' | 'failed'
export type ChallengeStatus = 'pending' | 'open' | 'in_progress' | 'solved' | 'closed' | 'rejected'
export type PosterKind = 'resident' | 'business' | 'association' | 'municipality'
export type PledgeStatus = 'active' | 'withdrawn' | 'completed'
export type EmailFrequency = 'immediate' | 'daily' | 'weekly' | 'never'
export type NotificationKind =
  | 'solution'
  | 'pledge'
  | 'progress'
  | 'status'
  | 'comment'
  | 'message'
  | 'official_response'
  | 'merged'
  | 'appeal_decided'
  | 'dispute_decided'
  | 'routed'
  | 'assigned'
  | 'inbox'
  | 'pledge_done'
  | 'fixed_question'
export type FlagSubject = 'challenge' | 'solution' | 'comment' | 'photo'
export type Priority = 'low' | 'normal' | 'high' | 'urgent'
export type AppealStatus = 'open' | 'upheld' | 'rejected'

export interface UserTable {
  id: Generated<number>
  email: string
  name: string
  password_hash: string
  role: ColumnType<Role, Role | undefined, Role>
  locale: string | null
  email_verified_at: Timestamp | null
  banned_until: Timestamp | null
  ban_reason: string | null
  last_login_at: Timestamp | null
  email_frequency: ColumnType<EmailFrequency, EmailFrequency | undefined, EmailFrequency>
  unsubscribe_token: string | null
  last_digest_at: Timestamp | null
  created_at: ColumnType<Timestamp, Timestamp | undefined, never>
  updated_at: Timestamp
}

export interface SessionTable {
  /** SHA-256 of the cookie's session id: a copy of the table cannot be replayed as cookies. */
  id_hash: string
  user_id: number | null
  data: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
}

export interface PasswordResetTokenTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  expires_at: Timestamp
  used_at: Timestamp | null
  created_at: Timestamp
}

export interface OrganisationTable {
  id: Generated<number>
  slug: string
  name: string
  kind: OrganisationKind
  description: string
  website: string | null
  area_id: number | null
  verified_at: Timestamp | null
  created_at: ColumnType<Timestamp, Timestamp | undefined, never>
  updated_at: Timestamp
}

export interface MembershipTable {
  organisation_id: number
  user_id: number
  role: MembershipRole
  status: MembershipStatus
  created_at: ColumnType<Timestamp, Timestamp | undefined, never>
}

export interface CategoryTable {
  id: Generated<number>
  slug: string
  name_sv: string
  name_en: string
  description_sv: string
  description_en: string
  position: number
  archived_at: Timestamp | null
}

export interface AreaTable {
  id: Generated<number>
  slug: string
  name_sv: string
  name_en: string
  position: number
  archived_at: Timestamp | null
}

export interface SettingTable {
  key: string
  /** JSON text */
  value: string
  updated_at: Timestamp
}

export interface AuditLogTable {
  id: Generated<number>
  actor_id: number | null
  action: string
  subject_type: string
  subject_id: number | null
  before: string | null
  after: string | null
  reason: string | null
  ip: string | null
  created_at: ColumnType<Timestamp, Timestamp | undefined, never>
}

export interface EmailOutboxTable {
  id: Generated<number>
  to_address: string
  subject: string
  text_body: string
  html_body: string
  template: string
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp
  last_error: string | null
  created_at: ColumnType<Timestamp, Timestamp | undefined, never>
  sent_at: Timestamp | null
  /** JSON object of extra headers (List-Unsubscribe), or null. */
  headers: ColumnType<string | null, string | null | undefined, string | null>
  /** The delivery run holding the message while it is sent, and until when (see 0014). */
  claim_token: ColumnType<string | null, string | null | undefined, string | null>
  claim_expires_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
}

type Counter = ColumnType<number, number | undefined, number>
type Created = ColumnType<Timestamp, Timestamp | undefined, never>

export interface ChallengeTable {
  id: Generated<number>
  title: string
  description_md: string
  /** Sanitised at write time; never re-rendered per view. */
  description_html: string
  /** Plain text, first ~200 characters, for cards, the API and the feed. */
  summary: string
  category_id: number
  area_id: number
  author_id: number | null
  organisation_id: number | null
  poster_kind: PosterKind
  status: ChallengeStatus
  closed_reason: string | null
  lat: number | null
  lng: number | null
  /** The place in words (an address, a landmark); the district is `area_id`. */
  place_text: ColumnType<string | null, string | null | undefined, string | null>
  vote_count: Counter
  solution_count: Counter
  pledge_count: Counter
  comment_count: Counter
  follower_count: Counter
  /** Weighted activity of the last 14 days (vote 1, comment 2, follow 1): the trending sort. */
  hot: ColumnType<number, number | undefined, number>
  /** The latest vote, comment or follow by someone other than the author; breaks trending ties. */
  last_activity_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  hidden_at: Timestamp | null
  hidden_reason: string | null
  edited_at: Timestamp | null
  solved_at: Timestamp | null
  department_id: number | null
  contact_user_id: number | null
  priority: ColumnType<Priority, Priority | undefined, Priority>
  first_response_at: Timestamp | null
  merged_into_id: number | null
  version: Counter
  /** When its author, voters and followers were asked "is it fixed?" (once, days after solved). */
  fixed_asked_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  /**
   * When its author withdrew it before it was ever public (pending or rejected): its status
   * stays, so it stays out of every public view. A public challenge withdrawn is closed instead.
   */
  withdrawn_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  created_at: Created
  updated_at: Timestamp
}

/**
 * An edit's review under pre-moderation: null once applied (every edit made without review),
 * 'pending' while it waits for a moderator (the approved text stays public), 'rejected',
 * or 'superseded' by a later edit of the same author before anyone decided.
 */
export type RevisionReview = 'pending' | 'rejected' | 'superseded'

export interface ChallengeRevisionTable {
  id: Generated<number>
  challenge_id: number
  editor_id: number | null
  title: string
  description_md: string
  category_id: number
  area_id: number
  review: ColumnType<
    RevisionReview | null,
    RevisionReview | null | undefined,
    RevisionReview | null
  >
  created_at: Created
}

export interface ChallengeStatusHistoryTable {
  id: Generated<number>
  challenge_id: number
  actor_id: number | null
  from_status: ChallengeStatus | null
  to_status: ChallengeStatus
  message: string | null
  created_at: Created
}

export interface SolutionTable {
  id: Generated<number>
  challenge_id: number
  author_id: number | null
  organisation_id: number | null
  body_md: string
  body_html: string
  vote_count: Counter
  comment_count: Counter
  accepted_at: Timestamp | null
  accepted_by: number | null
  hidden_at: Timestamp | null
  hidden_reason: string | null
  /** Quarantine: since when the post waits for a moderator's approval (null: not held). */
  held_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  edited_at: Timestamp | null
  created_at: Created
  updated_at: Timestamp
}

export interface SolutionRevisionTable {
  id: Generated<number>
  solution_id: number
  editor_id: number | null
  body_md: string
  review: ColumnType<
    RevisionReview | null,
    RevisionReview | null | undefined,
    RevisionReview | null
  >
  created_at: Created
}

export interface PledgeTable {
  id: Generated<number>
  challenge_id: number
  user_id: number | null
  organisation_id: number | null
  plan: string
  /** The plan as sanitised HTML (renderMarkdown), written with it. */
  plan_html: string
  status: ColumnType<PledgeStatus, PledgeStatus | undefined, PledgeStatus>
  created_at: Created
  withdrawn_at: Timestamp | null
  /** Pre-moderation: since when the pledge waits for a moderator's approval (null: not held). */
  held_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  /** A moderator turned the held pledge down with this reason (it is withdrawn then). */
  rejected_reason: ColumnType<string | null, string | null | undefined, string | null>
}

export interface PledgeUpdateTable {
  id: Generated<number>
  pledge_id: number
  author_id: number | null
  body_md: string
  body_html: string
  created_at: Created
}

export interface ChallengeVoteTable {
  challenge_id: number
  user_id: number
  created_at: Created
}

export interface SolutionVoteTable {
  solution_id: number
  user_id: number
  created_at: Created
}

export interface CommentTable {
  id: Generated<number>
  challenge_id: number
  solution_id: number | null
  parent_id: number | null
  author_id: number | null
  body_md: string
  body_html: string
  deleted_at: Timestamp | null
  hidden_at: Timestamp | null
  hidden_reason: string | null
  /** Quarantine: since when the post waits for a moderator's approval (null: not held). */
  held_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  edited_at: Timestamp | null
  created_at: Created
}

export interface FollowTable {
  challenge_id: number
  user_id: number
  created_at: Created
}

export interface FlagTable {
  id: Generated<number>
  subject_type: FlagSubject
  subject_id: number
  challenge_id: number
  user_id: number | null
  reason: string
  note: string | null
  resolved_at: Timestamp | null
  resolved_by: number | null
  resolution: string | null
  /**
   * Keyed hash of the flagger's network (IPv4 /24, IPv6 /48) salted with the flagged post; null
   * once the flag is resolved (cleared hourly) and on flags older than the column.
   */
  network: ColumnType<string | null, string | null | undefined, string | null>
  /** Set on open flags that reached the hiding weight on a post never hidden automatically. */
  escalated_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  created_at: Created
}

export interface InternalNoteTable {
  id: Generated<number>
  challenge_id: number
  author_id: number | null
  body: string
  created_at: Created
}

export interface OfficialResponseTable {
  id: Generated<number>
  challenge_id: number
  author_id: number | null
  organisation_id: number | null
  body_md: string
  body_html: string
  created_at: Created
}

export interface AppealTable {
  id: Generated<number>
  subject_type: FlagSubject
  subject_id: number
  challenge_id: number
  user_id: number | null
  body: string
  status: ColumnType<AppealStatus, AppealStatus | undefined, AppealStatus>
  decided_by: number | null
  decided_at: Timestamp | null
  /** The moderator's note to the appellant. */
  decision_note: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Created
}

export interface DisputeTable {
  id: Generated<number>
  challenge_id: number
  user_id: number | null
  body: string
  status: ColumnType<AppealStatus, AppealStatus | undefined, AppealStatus>
  decided_by: number | null
  decided_at: Timestamp | null
  decision_note: string | null
  created_at: Created
}

export interface EmailConfirmationTokenTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  expires_at: Timestamp
  /** Keyed hashes of the address and network a registration came from (sign-up limits). */
  signup_address: ColumnType<string | null, string | null | undefined, string | null>
  signup_network: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Created
}

/** Filled by triggers: who did something (post, solution, comment, vote) in which week. */
export interface WeeklyActiveUserTable {
  /** The Monday of the ISO week (UTC), YYYY-MM-DD. */
  week: string
  user_id: number
}

export interface ReplyTemplateTable {
  id: Generated<number>
  name: string
  body_sv: string
  body_en: string
  archived_at: Timestamp | null
  created_at: Created
}

export interface ChallengeSolverTable {
  id: Generated<number>
  challenge_id: number
  solution_id: number | null
  /** The pledge the credit came from, when the work was pledged rather than (only) proposed. */
  pledge_id: ColumnType<number | null, number | null | undefined, number | null>
  organisation_id: number | null
  user_id: number | null
  created_at: Created
}

/** "Is it fixed?": one answer per person per challenge; a second answer replaces the first. */
export interface FixedAnswerTable {
  id: Generated<number>
  challenge_id: number
  user_id: number
  /** SQLite returns booleans as 0/1. */
  fixed: number
  created_at: Created
  updated_at: ColumnType<Timestamp, Timestamp | undefined, Timestamp>
}

export type PhotoSize = 'card' | 'page' | 'full'
export type PhotoFormat = 'webp' | 'jpeg'

/**
 * A photo on a challenge, a solution or a progress update (at most one of the three; none while
 * it is a draft, uploaded with a form not yet posted).
 */
export interface PhotoTable {
  id: Generated<number>
  /** The unguessable name in its URLs. */
  key: string
  user_id: number | null
  challenge_id: ColumnType<number | null, number | null | undefined, number | null>
  solution_id: ColumnType<number | null, number | null | undefined, number | null>
  pledge_update_id: ColumnType<number | null, number | null | undefined, number | null>
  position: ColumnType<number, number | undefined, number>
  alt_text: ColumnType<string, string | undefined, string>
  caption: ColumnType<string | null, string | null | undefined, string | null>
  width: number
  height: number
  /** Where the upload says it was taken: kept only while a draft, to ask the author. */
  gps_lat: ColumnType<number | null, number | null | undefined, number | null>
  gps_lng: ColumnType<number | null, number | null | undefined, number | null>
  hidden_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  hidden_reason: ColumnType<string | null, string | null | undefined, string | null>
  hidden_by: ColumnType<number | null, number | null | undefined, number | null>
  attached_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  created_at: Created
}

export interface PhotoVariantTable {
  photo_id: number
  size: PhotoSize
  format: PhotoFormat
  width: number
  height: number
  byte_length: number
  bytes: Buffer
}

export interface NotificationTable {
  id: Generated<number>
  user_id: number
  challenge_id: number
  actor_id: number | null
  kind: NotificationKind
  /** JSON text */
  payload: ColumnType<string, string | undefined, string>
  read_at: Timestamp | null
  emailed_at: Timestamp | null
  created_at: Created
}

export interface Database {
  users: UserTable
  sessions: SessionTable
  password_reset_tokens: PasswordResetTokenTable
  organisations: OrganisationTable
  memberships: MembershipTable
  categories: CategoryTable
  areas: AreaTable
  settings: SettingTable
  audit_log: AuditLogTable
  email_outbox: EmailOutboxTable
  challenges: ChallengeTable
  challenge_revisions: ChallengeRevisionTable
  challenge_status_history: ChallengeStatusHistoryTable
  solutions: SolutionTable
  solution_revisions: SolutionRevisionTable
  pledges: PledgeTable
  pledge_updates: PledgeUpdateTable
  challenge_votes: ChallengeVoteTable
  solution_votes: SolutionVoteTable
  comments: CommentTable
  follows: FollowTable
  flags: FlagTable
  challenge_solvers: ChallengeSolverTable
  fixed_answers: FixedAnswerTable
  notifications: NotificationTable
  internal_notes: InternalNoteTable
  official_responses: OfficialResponseTable
  appeals: AppealTable
  reply_templates: ReplyTemplateTable
  disputes: DisputeTable
  email_confirmation_tokens: EmailConfirmationTokenTable
  weekly_active_users: WeeklyActiveUserTable
  photos: PhotoTable
  photo_variants: PhotoVariantTable
}

export type User = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type UserUpdate = Updateable<UserTable>
export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Membership = Selectable<MembershipTable>
export type Category = Selectable<CategoryTable>
export type Area = Selectable<AreaTable>
export type AuditEntry = Selectable<AuditLogTable>
export type OutboxMessage = Selectable<EmailOutboxTable>
export type Challenge = Selectable<ChallengeTable>
export type Solution = Selectable<SolutionTable>
export type Pledge = Selectable<PledgeTable>
export type Comment = Selectable<CommentTable>
