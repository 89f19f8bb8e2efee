import { sql, type RawBuilder } from 'kysely'
import { db } from '~/db.server'
import { unreadableNotificationChallenges } from '~/models/notification.server'

type Row = Record<string, unknown>

/**
 * Where each reference to a user in the schema ends up in the export: table, column, the
 * export's section, the columns copied and the order. A table that gains a user column must be
 * added here; tests/integration/personal-data.test.ts compares this list with the schema.
 *
 * Columns are listed, never '*': a column added later is not exported until someone decides
 * it belongs to the person. Left out on purpose: the password hash (the export says it
 * exists), session ids and token hashes (secrets that would let whoever holds the file sign
 * in), other people's user ids (who resolved a flag, decided an appeal, caused a notification,
 * accepted a solution), other people's personal data in rows the person only acted on, and
 * staff-internal fields (priority, department, contact person, edit version, ranking score).
 * Kept: the person's own text, dates and statuses, why their post was hidden, and decisions
 * addressed to them.
 */
export const EXPORT_COVERAGE = [
  {
    table: 'memberships',
    column: 'user_id',
    section: 'memberships',
    columns: ['organisation_id', 'role', 'status', 'created_at'],
    // No id column: in the order they were made.
    orderBy: 'created_at',
  },
  {
    table: 'challenges',
    column: 'author_id',
    section: 'challenges',
    columns: [
      'id',
      'title',
      'description_md',
      'category_id',
      'area_id',
      'organisation_id',
      'poster_kind',
      'status',
      'closed_reason',
      'lat',
      'lng',
      'hidden_at',
      'hidden_reason',
      'edited_at',
      'solved_at',
      'merged_into_id',
      'created_at',
      'updated_at',
    ],
  },
  {
    table: 'challenges',
    column: 'contact_user_id',
    section: 'challengesAsContactPerson',
    columns: ['id', 'title', 'status', 'created_at', 'updated_at'],
  },
  {
    table: 'challenge_revisions',
    column: 'editor_id',
    section: 'challengeRevisions',
    columns: [
      'id',
      'challenge_id',
      'title',
      'description_md',
      'category_id',
      'area_id',
      'created_at',
    ],
  },
  {
    table: 'challenge_status_history',
    column: 'actor_id',
    section: 'statusChanges',
    columns: ['id', 'challenge_id', 'from_status', 'to_status', 'message', 'created_at'],
  },
  {
    table: 'solutions',
    column: 'author_id',
    section: 'solutions',
    columns: [
      'id',
      'challenge_id',
      'organisation_id',
      'body_md',
      'accepted_at',
      'hidden_at',
      'hidden_reason',
      'edited_at',
      'created_at',
      'updated_at',
    ],
  },
  {
    table: 'solutions',
    column: 'accepted_by',
    section: 'solutionsAccepted',
    columns: ['id', 'challenge_id', 'accepted_at'],
  },
  {
    table: 'solution_revisions',
    column: 'editor_id',
    section: 'solutionRevisions',
    columns: ['id', 'solution_id', 'body_md', 'created_at'],
  },
  {
    table: 'pledges',
    column: 'user_id',
    section: 'pledges',
    columns: [
      'id',
      'challenge_id',
      'organisation_id',
      'plan',
      'status',
      'created_at',
      'withdrawn_at',
    ],
  },
  {
    table: 'pledge_updates',
    column: 'author_id',
    section: 'pledgeUpdates',
    columns: ['id', 'pledge_id', 'body_md', 'created_at'],
  },
  {
    table: 'challenge_votes',
    column: 'user_id',
    section: 'challengeVotes',
    columns: ['challenge_id', 'created_at'],
    // No id column: in the order they were made.
    orderBy: 'created_at',
  },
  {
    table: 'solution_votes',
    column: 'user_id',
    section: 'solutionVotes',
    columns: ['solution_id', 'created_at'],
    // No id column: in the order they were made.
    orderBy: 'created_at',
  },
  {
    table: 'comments',
    column: 'author_id',
    section: 'comments',
    columns: [
      'id',
      'challenge_id',
      'solution_id',
      'parent_id',
      'body_md',
      'deleted_at',
      'hidden_at',
      'hidden_reason',
      'edited_at',
      'created_at',
    ],
  },
  {
    table: 'follows',
    column: 'user_id',
    section: 'follows',
    columns: ['challenge_id', 'created_at'],
    // No id column: in the order they were made.
    orderBy: 'created_at',
  },
  {
    table: 'flags',
    column: 'user_id',
    section: 'flags',
    columns: [
      'id',
      'subject_type',
      'subject_id',
      'challenge_id',
      'reason',
      'note',
      'resolved_at',
      'resolution',
      'created_at',
    ],
  },
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
  {
    table: 'challenge_solvers',
    column: 'user_id',
    section: 'creditedAsSolver',
    columns: ['id', 'challenge_id', 'solution_id', 'pledge_id', 'organisation_id', 'created_at'],
  },
  {
    table: 'fixed_answers',
    column: 'user_id',
    section: 'fixedAnswers',
    columns: ['id', 'challenge_id', 'fixed', 'created_at', 'updated_at'],
  },
  {
    table: 'notifications',
    column: 'user_id',
    section: 'notifications',
    columns: ['id', 'challenge_id', 'kind', 'payload', 'read_at', 'emailed_at', 'created_at'],
  },
  {
    table: 'notifications',
    column: 'actor_id',
    section: 'notificationsCaused',
    columns: ['id', 'challenge_id', 'kind', 'created_at'],
  },
  {
    table: 'internal_notes',
    column: 'author_id',
    section: 'internalNotes',
    columns: ['id', 'challenge_id', 'body', 'created_at'],
  },
  {
    table: 'official_responses',
    column: 'author_id',
    section: 'officialResponses',
    columns: ['id', 'challenge_id', 'organisation_id', 'body_md', 'created_at'],
  },
  {
    table: 'appeals',
    column: 'user_id',
    section: 'appeals',
    columns: [
      'id',
      'subject_type',
      'subject_id',
      'challenge_id',
      'body',
      'status',
      'decided_at',
      'created_at',
    ],
  },
  {
    table: 'appeals',
    column: 'decided_by',
    section: 'appealsDecided',
    columns: ['id', 'subject_type', 'subject_id', 'challenge_id', 'status', 'decided_at'],
  },
  {
    table: 'disputes',
    column: 'user_id',
    section: 'disputes',
    columns: ['id', 'challenge_id', 'body', 'status', 'decided_at', 'decision_note', 'created_at'],
  },
  {
    table: 'disputes',
    column: 'decided_by',
    section: 'disputesDecided',
    columns: ['id', 'challenge_id', 'status', 'decided_at', 'decision_note'],
  },
  {
    table: 'photos',
    column: 'user_id',
    section: 'photos',
    columns: [
      'id',
      'key',
      'challenge_id',
      'solution_id',
      'pledge_update_id',
      'alt_text',
      'caption',
      'width',
      'height',
      'hidden_at',
      'hidden_reason',
      'created_at',
    ],
  },
  {
    table: 'photos',
    column: 'hidden_by',
    section: 'photosHidden',
    columns: ['id', 'challenge_id', 'hidden_at', 'hidden_reason'],
  },
  {
    table: 'sessions',
    column: 'user_id',
    section: 'sessions',
    columns: ['created_at', 'last_seen_at', 'expires_at'],
    // No id column: in the order they were made.
    orderBy: 'created_at',
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
  {
    // A table without rowid: ordered by its key.
    table: 'weekly_active_users',
    column: 'user_id',
    section: 'activeWeeks',
    columns: ['week'],
    orderBy: 'week',
  },
] as const satisfies ReadonlyArray<{
  table: string
  column: string
  section: string
  columns: readonly string[]
  orderBy?: string
}>

export type ExportSection = (typeof EXPORT_COVERAGE)[number]['section']

function select(
  entry: { table: string; column: string; columns: readonly string[]; orderBy?: string },
  userId: number,
): RawBuilder<Row> {
  const list = sql.join(entry.columns.map((c) => sql.ref(c)))
  const order = sql.ref(entry.orderBy ?? 'id')
  return sql<Row>`select ${list} from ${sql.table(entry.table)} where ${sql.ref(entry.column)} = ${userId} order by ${order}`
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

/** An audit entry the person made, without the user ids of anyone else it concerned. */
function withoutOthersIds(row: Row, userId: number): Row {
  const strip = (value: unknown): unknown => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value
    return Object.fromEntries(
      Object.entries(value).filter(
        ([key, v]) => !(['userId', 'user_id'].includes(key) && v !== userId),
      ),
    )
  }
  const otherUser = row.subject_type === 'user' && row.subject_id !== userId
  return {
    ...row,
    subject_id: otherUser ? null : row.subject_id,
    before: strip(row.before),
    after: strip(row.after),
  }
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
    const result = await select(entry, userId).execute(db)
    sections[entry.section] = result.rows.map((row) =>
      parseJsonColumns(row, ['payload', 'before', 'after']),
    )
  }
  // What the person did to others (as staff): which other account it was is theirs, not ours
  // to hand out.
  sections.auditLogAsActor = sections.auditLogAsActor.map((row) => withoutOthersIds(row, userId))
  // A challenge hidden (or back to pending) since it was told of: the row stays, not what it
  // said about the challenge (an official response's first lines, a moderator's message).
  const unreadable = await unreadableNotificationChallenges(userId)
  sections.notifications = sections.notifications.map((row) =>
    unreadable.has(Number(row.challenge_id)) ? { ...row, payload: null } : row,
  )

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
