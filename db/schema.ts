import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

// Dates are ISO 8601 text in UTC. Types match what SQLite really returns.
type Timestamp = string

export type Role = 'member' | 'moderator' | 'admin'
export type OrganisationKind = 'business' | 'association' | 'municipality'
export type MembershipRole = 'owner' | 'member'
export type MembershipStatus = 'active' | 'pending'
export type OutboxStatus = 'pending' | 'sent' | 'failed'

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
