import { db } from '~/db.server'
import { listDisputesFor } from '~/models/dispute.server'
import { listDepartments } from '~/models/organisation.server'
import { namesPostWhere } from '~/models/post-kinds.server'

/** Everything the triage page shows about one challenge, hidden parts included. */
export async function getTriage(id: number) {
  const challenge = await db
    .selectFrom('challenges')
    .leftJoin('users as author', 'author.id', 'challenges.author_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.description_html',
      'challenges.status',
      'challenges.priority',
      'challenges.category_id',
      'challenges.area_id',
      'challenges.department_id',
      'challenges.contact_user_id',
      'challenges.hidden_at',
      'challenges.hidden_reason',
      'challenges.merged_into_id',
      'challenges.withdrawn_at',
      'challenges.first_response_at',
      'challenges.version',
      'challenges.created_at',
      'challenges.author_id',
      'author.name as author_name',
      'author.email as author_email',
      'author.banned_until as author_banned_until',
    ])
    .where('challenges.id', '=', id)
    .executeTakeFirst()
  if (!challenge) return undefined
  const [flags, notes, responses, audit, departments, solutions, comments, appeals, disputes] =
    await Promise.all([
      db
        .selectFrom('flags')
        .leftJoin('users', 'users.id', 'flags.user_id')
        .select([
          'flags.id',
          'flags.subject_type',
          'flags.subject_id',
          'flags.reason',
          'flags.note',
          'flags.resolved_at',
          'flags.resolution',
          'flags.escalated_at',
          'flags.created_at',
          'users.name as user_name',
        ])
        .where('flags.challenge_id', '=', id)
        .orderBy('flags.id', 'desc')
        .execute(),
      db
        .selectFrom('internal_notes')
        .leftJoin('users', 'users.id', 'internal_notes.author_id')
        .select([
          'internal_notes.id',
          'internal_notes.body',
          'internal_notes.created_at',
          'users.name as author_name',
        ])
        .where('internal_notes.challenge_id', '=', id)
        .orderBy('internal_notes.id', 'desc')
        .execute(),
      db
        .selectFrom('official_responses')
        .leftJoin('users', 'users.id', 'official_responses.author_id')
        .select([
          'official_responses.id',
          'official_responses.body_html',
          'official_responses.created_at',
          'users.name as author_name',
        ])
        .where('official_responses.challenge_id', '=', id)
        .orderBy('official_responses.id')
        .execute(),
      db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .select([
          'audit_log.id',
          'audit_log.action',
          'audit_log.subject_type',
          'audit_log.subject_id',
          'audit_log.before',
          'audit_log.after',
          'audit_log.reason',
          'audit_log.created_at',
          'users.name as actor_name',
        ])
        .where((eb) => namesPostWhere(eb, 'audit_log', 'challenge_id', id))
        .orderBy('audit_log.id', 'desc')
        .limit(200)
        .execute(),
      listDepartments(),
      db
        .selectFrom('solutions')
        .leftJoin('users', 'users.id', 'solutions.author_id')
        .select([
          'solutions.id',
          'solutions.body_html',
          'solutions.hidden_at',
          'solutions.hidden_reason',
          'users.name as author_name',
        ])
        .where('solutions.challenge_id', '=', id)
        .execute(),
      db
        .selectFrom('comments')
        .leftJoin('users', 'users.id', 'comments.author_id')
        .select([
          'comments.id',
          'comments.body_html',
          'comments.hidden_at',
          'comments.hidden_reason',
          'comments.deleted_at',
          'users.name as author_name',
        ])
        .where('comments.challenge_id', '=', id)
        .execute(),
      db
        .selectFrom('appeals')
        .leftJoin('users', 'users.id', 'appeals.user_id')
        .select([
          'appeals.id',
          'appeals.subject_type',
          'appeals.subject_id',
          'appeals.body',
          'appeals.status',
          'appeals.created_at',
          'users.name as user_name',
        ])
        .where('appeals.challenge_id', '=', id)
        .execute(),
      listDisputesFor(id),
    ])
  // Every department's people, so a new department and one of its people can be chosen in
  // one submit; the page groups them by department and the server checks the pair.
  const contacts = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['users.id', 'users.name', 'memberships.organisation_id as department_id'])
    .where('organisations.kind', '=', 'municipality')
    .where('memberships.status', '=', 'active')
    .orderBy('users.name')
    .execute()
  return {
    challenge,
    flags,
    notes,
    responses,
    audit,
    departments,
    contacts,
    solutions,
    comments,
    appeals,
    disputes,
  }
}

export async function listActiveTemplates() {
  return db
    .selectFrom('reply_templates')
    .select(['id', 'name', 'body_sv', 'body_en'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute()
}

export async function getTemplateBody(id: number, locale: string) {
  const row = await db
    .selectFrom('reply_templates')
    .select(['body_sv', 'body_en'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst()
  return row ? (locale === 'en' ? row.body_en : row.body_sv) : null
}

export const AUDIT_PAGE = 100

/** The audit log, newest first, filtered by action prefix, actor or subject. */
export async function listAudit(filter: {
  action?: string
  actorId?: number
  subjectType?: string
  subjectId?: number
  before?: number
}) {
  let qb = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.before',
      'audit_log.after',
      'audit_log.reason',
      'audit_log.ip',
      'audit_log.created_at',
      'users.name as actor_name',
    ])
  if (filter.action)
    qb = qb.where('audit_log.action', 'like', `${filter.action.replace(/[%_\\]/g, '')}%`)
  if (filter.actorId) qb = qb.where('audit_log.actor_id', '=', filter.actorId)
  if (filter.subjectType) qb = qb.where('audit_log.subject_type', '=', filter.subjectType)
  if (filter.subjectId) qb = qb.where('audit_log.subject_id', '=', filter.subjectId)
  if (filter.before) qb = qb.where('audit_log.id', '<', filter.before)
  return qb.orderBy('audit_log.id', 'desc').limit(AUDIT_PAGE).execute()
}

/** A user as moderators see them: posts of every kind, flags they made and got, ban state. */
export async function getUserRecord(userId: number) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'banned_until', 'ban_reason', 'created_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return undefined
  const [challenges, solutions, comments, flagsMade, flagsReceived] = await Promise.all([
    db
      .selectFrom('challenges')
      .select(['id', 'title', 'status', 'hidden_at', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('solutions')
      .select(['id', 'challenge_id', 'hidden_at', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('comments')
      .select(['id', 'challenge_id', 'body_html', 'hidden_at', 'deleted_at', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('flags')
      .select(['id', 'subject_type', 'subject_id', 'challenge_id', 'reason', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('flags')
      .select([
        'flags.id',
        'flags.subject_type',
        'flags.subject_id',
        'flags.challenge_id',
        'flags.reason',
        'flags.created_at',
      ])
      .where((eb) => namesPostWhere(eb, 'flags', 'author_id', userId))
      .orderBy('flags.id', 'desc')
      .limit(100)
      .execute(),
  ])
  return { user, challenges, solutions, comments, flagsMade, flagsReceived }
}
