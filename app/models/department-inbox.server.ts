import { db } from '~/db.server'
import { ACTIVE_STATUSES } from '~/models/challenge-constants'
import type { InboxView } from '~/models/inbox-constants'
import { mayReadEveryInbox, type Actor } from '~/utils/policy'

const DAY = 24 * 60 * 60 * 1000
/** A department's inbox lists at most this many challenges; the filters narrow it. */
export const INBOX_LIMIT = 200

/**
 * The municipal departments whose inbox this person may read: those they are an active member
 * of. Moderators and admins may read every department's.
 */
export async function listInboxDepartments(actor: Actor) {
  let qb = db
    .selectFrom('organisations')
    .select(['organisations.id', 'organisations.name', 'organisations.slug'])
    .where('organisations.kind', '=', 'municipality')
  if (!mayReadEveryInbox(actor)) {
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships')
          .select('memberships.user_id')
          .whereRef('memberships.organisation_id', '=', 'organisations.id')
          .where('memberships.user_id', '=', actor.id)
          .where('memberships.status', '=', 'active'),
      ),
    )
  }
  return qb.orderBy('organisations.name').execute()
}

/** Whether the header links to an inbox: the person belongs to a municipal department. */
export async function hasDepartmentInbox(userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select('memberships.user_id')
    .where('memberships.user_id', '=', userId)
    .where('memberships.status', '=', 'active')
    .where('organisations.kind', '=', 'municipality')
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * What is routed to these departments, as their staff see it: the reader's own assignments
 * first, then the longest waiting. Hidden and merged challenges are the moderators' business
 * and stay out; so do pending and rejected ones, which are not public.
 */
export async function listInbox(input: {
  readerId: number
  departmentIds: number[]
  view: InboxView
  slaDays: number
  now?: Date
}) {
  if (!input.departmentIds.length) return []
  const now = input.now ?? new Date()
  let qb = db
    .selectFrom('challenges')
    .innerJoin('organisations as department', 'department.id', 'challenges.department_id')
    .leftJoin('users as contact', 'contact.id', 'challenges.contact_user_id')
    .select([
      'challenges.id',
      'challenges.title',
      'challenges.status',
      'challenges.priority',
      'challenges.vote_count',
      'challenges.created_at',
      'challenges.updated_at',
      'challenges.first_response_at',
      'challenges.contact_user_id',
      'department.name as department_name',
      'contact.name as contact_name',
    ])
    .where('challenges.department_id', 'in', input.departmentIds)
    .where('challenges.hidden_at', 'is', null)
    .where('challenges.merged_into_id', 'is', null)
  switch (input.view) {
    case 'mine':
      qb = qb
        .where('challenges.contact_user_id', '=', input.readerId)
        .where('challenges.status', 'in', [...ACTIVE_STATUSES])
      break
    case 'overdue':
      qb = qb
        .where('challenges.status', 'in', [...ACTIVE_STATUSES])
        .where('challenges.first_response_at', 'is', null)
        .where(
          'challenges.created_at',
          '<',
          new Date(now.getTime() - input.slaDays * DAY).toISOString(),
        )
      break
    case 'answered':
      qb = qb
        .where('challenges.first_response_at', 'is not', null)
        .where('challenges.status', 'not in', ['pending', 'rejected'])
      break
    default:
      qb = qb.where('challenges.status', 'in', [...ACTIVE_STATUSES])
  }
  const rows = await qb
    .orderBy((eb) =>
      eb.case().when('challenges.contact_user_id', '=', input.readerId).then(0).else(1).end(),
    )
    .orderBy('challenges.created_at', 'asc')
    .orderBy('challenges.id', 'asc')
    .limit(INBOX_LIMIT)
    .execute()
  return rows.map((row) => ({
    ...row,
    mine: row.contact_user_id === input.readerId,
    // Days since it was posted, up to its first official response: how long people waited.
    days_waiting: Math.floor(
      ((row.first_response_at ? Date.parse(row.first_response_at) : now.getTime()) -
        Date.parse(row.created_at)) /
        DAY,
    ),
    overdue:
      !row.first_response_at &&
      (row.status === 'open' || row.status === 'in_progress') &&
      now.getTime() - Date.parse(row.created_at) > input.slaDays * DAY,
  }))
}
