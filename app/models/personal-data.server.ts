import { sql, type RawBuilder } from 'kysely'
import { db } from '~/db.server'

type Row = Record<string, unknown>

/**
 * Where each reference to a user in the schema ends up in the export: table, column, the
 * export's section and the columns copied ('*' = all). A table that gains a user column must
 * be added here; tests/integration/personal-data.test.ts compares this list with the schema.
 *
 * Left out on purpose: the password hash (the export says it exists), session ids and token
 * hashes (secrets that would let whoever holds the file sign in), and other people's personal
 * data in rows the person only acted on (who flagged, who appealed, who was notified).
 */
export const EXPORT_COVERAGE = [
  { table: 'memberships', column: 'user_id', section: 'memberships', columns: '*' },
  { table: 'challenges', column: 'author_id', section: 'challenges', columns: '*' },
  {
    table: 'challenges',
    column: 'contact_user_id',
    section: 'challengesAsContactPerson',
    columns: ['id', 'title', 'status', 'priority', 'created_at', 'updated_at'],
  },
  {
    table: 'challenge_revisions',
    column: 'editor_id',
    section: 'challengeRevisions',
    columns: '*',
  },
  {
    table: 'challenge_status_history',
    column: 'actor_id',
    section: 'statusChanges',
    columns: '*',
  },
  { table: 'solutions', column: 'author_id', section: 'solutions', columns: '*' },
  {
    table: 'solutions',
    column: 'accepted_by',
    section: 'solutionsAccepted',
    columns: ['id', 'challenge_id', 'accepted_at'],
  },
  { table: 'solution_revisions', column: 'editor_id', section: 'solutionRevisions', columns: '*' },
  { table: 'pledges', column: 'user_id', section: 'pledges', columns: '*' },
  { table: 'pledge_updates', column: 'author_id', section: 'pledgeUpdates', columns: '*' },
  { table: 'challenge_votes', column: 'user_id', section: 'challengeVotes', columns: '*' },
  { table: 'solution_votes', column: 'user_id', section: 'solutionVotes', columns: '*' },
  { table: 'comments', column: 'author_id', section: 'comments', columns: '*' },
  { table: 'follows', column: 'user_id', section: 'follows', columns: '*' },
  { table: 'flags', column: 'user_id', section: 'flags', columns: '*' },
  {
    table: 'flags',
    column: 'resolved_by',
    section: 'flagsResolved',
    columns: [
      'id',
      'subject_type',
      'subject_id',
      'challenge_id',
      'reason',
      'resolved_at',
      'resolution',
    ],
  },
  { table: 'challenge_solvers', column: 'user_id', section: 'creditedAsSolver', columns: '*' },
  { table: 'notifications', column: 'user_id', section: 'notifications', columns: '*' },
  {
    table: 'notifications',
    column: 'actor_id',
    section: 'notificationsCaused',
    columns: ['id', 'challenge_id', 'kind', 'created_at'],
  },
  { table: 'internal_notes', column: 'author_id', section: 'internalNotes', columns: '*' },
  {
    table: 'official_responses',
    column: 'author_id',
    section: 'officialResponses',
    columns: '*',
  },
  { table: 'appeals', column: 'user_id', section: 'appeals', columns: '*' },
  {
    table: 'appeals',
    column: 'decided_by',
    section: 'appealsDecided',
    columns: ['id', 'subject_type', 'subject_id', 'challenge_id', 'status', 'decided_at'],
  },
  { table: 'disputes', column: 'user_id', section: 'disputes', columns: '*' },
  {
    table: 'disputes',
    column: 'decided_by',
    section: 'disputesDecided',
    columns: ['id', 'challenge_id', 'status', 'decided_at', 'decision_note'],
  },
  {
    table: 'sessions',
    column: 'user_id',
    section: 'sessions',
    columns: ['created_at', 'last_seen_at', 'expires_at'],
  },
  {
    table: 'password_reset_tokens',
    column: 'user_id',
    section: 'passwordResetLinks',
    columns: ['id', 'created_at', 'expires_at', 'used_at'],
  },
  {
    table: 'email_confirmation_tokens',
    column: 'user_id',
    section: 'emailConfirmationLinks',
    columns: ['id', 'created_at', 'expires_at'],
  },
  {
    table: 'audit_log',
    column: 'actor_id',
    section: 'auditLogAsActor',
    columns: [
      'id',
      'action',
      'subject_type',
      'subject_id',
      'before',
      'after',
      'reason',
      'ip',
      'created_at',
    ],
  },
] as const satisfies ReadonlyArray<{
  table: string
  column: string
  section: string
  columns: '*' | readonly string[]
}>

export type ExportSection = (typeof EXPORT_COVERAGE)[number]['section']

function select(
  table: string,
  column: string,
  columns: '*' | readonly string[],
  userId: number,
): RawBuilder<Row> {
  const list = columns === '*' ? sql`*` : sql.join(columns.map((c) => sql.ref(c)))
  return sql<Row>`select ${list} from ${sql.table(table)} where ${sql.ref(column)} = ${userId} order by rowid`
}

/** Audit values are stored as JSON text; the export shows them as JSON. */
function parseJsonColumns(row: Row, columns: string[]): Row {
  const out: Row = { ...row }
  for (const c of columns) {
    const v = out[c]
    if (typeof v === 'string') {
      try {
        out[c] = JSON.parse(v)
      } catch {
        // keep the text
      }
    }
  }
  return out
}

/**
 * Everything stored about one user, ready for JSON.stringify; null when there is no such user.
 */
export async function collectPersonalData(userId: number, now = new Date()) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
  if (!user) return null
  const { password_hash: _hash, unsubscribe_token: unsubscribeToken, ...profile } = user

  const sections = {} as Record<ExportSection, Row[]>
  for (const entry of EXPORT_COVERAGE) {
    const result = await select(entry.table, entry.column, entry.columns, userId).execute(db)
    sections[entry.section] = result.rows.map((row) =>
      parseJsonColumns(row, ['payload', 'before', 'after']),
    )
  }

  // Not foreign keys: mail is addressed by e-mail, audit entries about the user name them.
  // Mail bodies are left out: they hold sign-in, confirmation and unsubscribe links that still
  // work, and the file may be shared; the subject and template say what was sent.
  const mail = await db
    .selectFrom('email_outbox')
    .select(['id', 'subject', 'template', 'status', 'attempts', 'created_at', 'sent_at'])
    .where(sql`lower(to_address)`, '=', user.email.toLowerCase())
    .orderBy('id')
    .execute()
  const auditAboutMe = await db
    .selectFrom('audit_log')
    .select(['id', 'action', 'before', 'after', 'reason', 'created_at'])
    .where('subject_type', '=', 'user')
    .where('subject_id', '=', userId)
    .orderBy('id')
    .execute()

  return {
    exportedAt: now.toISOString(),
    about:
      'Everything Utmana stores about this account. Times are UTC (ISO 8601). ' +
      'Ids refer to rows on the site (e.g. /challenges/<challenge_id>).',
    profile: {
      ...profile,
      password: 'Stored only as a salted argon2id hash, which is not included.',
      unsubscribeLink: unsubscribeToken ? 'A secret unsubscribe link exists (not included).' : null,
    },
    ...sections,
    mail,
    auditLogAboutMe: auditAboutMe.map((row) => parseJsonColumns(row, ['before', 'after'])),
  }
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>
