import { sql } from 'kysely'
import type { ChallengeStatus, Priority } from '#db/schema'
import { transaction, type Executor } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { setChallengeStatus } from '~/models/challenge.server'
import { isOnPublicBoard, isPublicStatus } from '~/models/challenge-constants'
import { addFollow } from '~/models/follow.server'
import { notifyFollowers, notifyUsers } from '~/models/notification.server'
import type { Actor } from '~/utils/policy'
import { forUpdate } from '~/models/dialect.server'

/** Someone else changed the challenge since the form was loaded. */
export class StaleForm extends Error {}
/** A triage change that names a department, contact, category or area that is not valid. */
export class TriageRefused extends Error {
  constructor(
    public field:
      'departmentId' | 'contactUserId' | 'categoryId' | 'areaId' | 'status' | 'withdrawn',
  ) {
    super(field)
  }
}

export interface TriageChange {
  status?: ChallengeStatus
  message?: string | null
  departmentId?: number | null
  contactUserId?: number | null
  priority?: Priority
  categoryId?: number
  areaId?: number
}

/**
 * Applies a moderator's changes to one challenge, refusing a stale form (the version it was
 * loaded at is not the current one). Each change is audited with before and after; a status
 * change carries its public message to the followers.
 */
export async function triageChallenge(
  actor: Actor,
  input: { challengeId: number; version: number | null; change: TriageChange; ip?: string | null },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    // Locked, so the version check and the changes below are one step: of two moderators
    // with the same form, the second waits and then finds the version moved on.
    const current = await forUpdate(
      trx.selectFrom('challenges').selectAll().where('id', '=', input.challengeId),
    ).executeTakeFirst()
    if (!current) return false
    if (input.version !== null && current.version !== input.version) throw new StaleForm()
    const { change } = input
    await validateChange(trx, current, change)
    const audit = (action: string, before: unknown, after: unknown) =>
      recordAudit(trx, {
        actorId: actor.id,
        action,
        subjectType: 'challenge',
        subjectId: current.id,
        before,
        after,
        reason: change.message ?? null,
        ip: input.ip,
      })
    const message = change.message?.trim() || null
    if (change.status && change.status !== current.status) {
      await setChallengeStatus(trx, {
        challengeId: current.id,
        to: change.status,
        actorId: actor.id,
        message: change.message ?? null,
        closedReason: change.status === 'closed' ? (change.message ?? null) : null,
      })
      await audit('challenge.status', { status: current.status }, { status: change.status })
    } else if (message) {
      // Published whether or not the status changes: in the history, to the author and followers.
      await trx
        .insertInto('challenge_status_history')
        .values({
          challenge_id: current.id,
          actor_id: actor.id,
          from_status: current.status,
          to_status: current.status,
          message,
        })
        .execute()
      await notifyFollowers(trx, {
        challengeId: current.id,
        actorId: actor.id,
        kind: 'message',
        payload: { message },
        author: true,
      })
      await audit('challenge.message', null, null)
    }
    const routed =
      change.departmentId !== undefined && change.departmentId !== current.department_id
    // A contact works at a department: routed elsewhere without naming one, the old contact
    // stays only if they work at the new department too.
    let contactUserId = change.contactUserId
    if (routed && contactUserId === undefined && current.contact_user_id !== null) {
      const stays =
        change.departmentId != null &&
        (await isActiveMember(trx, change.departmentId, current.contact_user_id))
      if (!stays) contactUserId = null
    }
    const contact = contactUserId !== undefined && contactUserId !== current.contact_user_id
    // Department staff are told only of what they may open: not of a hidden, pending or
    // rejected challenge. Approved later, it reaches them then.
    const visible = isOnPublicBoard({ ...current, status: change.status ?? current.status })
    if (routed || contact) {
      await trx
        .updateTable('challenges')
        .set({
          ...(routed ? { department_id: change.departmentId ?? null } : {}),
          ...(contact ? { contact_user_id: contactUserId ?? null } : {}),
        })
        .where('id', '=', current.id)
        .execute()
      const after = {
        departmentId: routed ? (change.departmentId ?? null) : current.department_id,
        contactUserId: contact ? (contactUserId ?? null) : current.contact_user_id,
      }
      await audit(
        'challenge.route',
        { departmentId: current.department_id, contactUserId: current.contact_user_id },
        after,
      )
      if (visible) await tellRouting(trx, actor, current.id, { routed, contact, ...after })
    } else if (visible && !isOnPublicBoard(current)) {
      await tellUntoldRouting(trx, actor, current.id)
    }
    if (change.priority && change.priority !== current.priority) {
      await trx
        .updateTable('challenges')
        .set({ priority: change.priority })
        .where('id', '=', current.id)
        .execute()
      await audit(
        'challenge.priority',
        { priority: current.priority },
        { priority: change.priority },
      )
    }
    const recategorised =
      (change.categoryId && change.categoryId !== current.category_id) ||
      (change.areaId && change.areaId !== current.area_id)
    if (recategorised) {
      await trx
        .updateTable('challenges')
        .set({
          category_id: change.categoryId ?? current.category_id,
          area_id: change.areaId ?? current.area_id,
        })
        .where('id', '=', current.id)
        .execute()
      await audit(
        'challenge.recategorise',
        { categoryId: current.category_id, areaId: current.area_id },
        { categoryId: change.categoryId, areaId: change.areaId },
      )
    }
    await trx
      .updateTable('challenges')
      .set({ version: sql`version + 1`, updated_at: new Date().toISOString() })
      .where('id', '=', current.id)
      .execute()
    return true
  }
  return executor ? run(executor) : transaction(run)
}

/**
 * A challenge routed while it was hidden or pending reached nobody in the department (they may
 * not open it): once it is public, they hear of it, unless they already did.
 */
export async function tellUntoldRouting(trx: Executor, actor: Actor, challengeId: number) {
  const challenge = await trx
    .selectFrom('challenges')
    .select(['status', 'hidden_at', 'department_id', 'contact_user_id'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  if (!challenge || challenge.department_id === null || !isOnPublicBoard(challenge)) return
  const told = await trx
    .selectFrom('notifications')
    .select('id')
    .where('challenge_id', '=', challengeId)
    .where('kind', 'in', ['assigned', 'inbox'])
    .executeTakeFirst()
  if (told) return
  await tellRouting(trx, actor, challengeId, {
    routed: true,
    contact: false,
    departmentId: challenge.department_id,
    contactUserId: challenge.contact_user_id,
  })
}

async function isActiveMember(trx: Executor, organisationId: number, userId: number) {
  const row = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Who hears of a routing: the author and followers learn which department is responsible; a
 * named contact follows the challenge and is told it is theirs; without a contact, the
 * department's members are told it waits in their inbox.
 */
async function tellRouting(
  trx: Executor,
  actor: Actor,
  challengeId: number,
  input: {
    routed: boolean
    contact: boolean
    departmentId: number | null
    contactUserId: number | null
  },
) {
  if (!input.departmentId) return
  const department = await trx
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', input.departmentId)
    .executeTakeFirstOrThrow()
  const payload = { department: department.name }
  if (input.routed) {
    await notifyFollowers(trx, {
      challengeId,
      actorId: actor.id,
      kind: 'routed',
      payload,
      author: true,
    })
  }
  if (input.contactUserId && (input.contact || input.routed)) {
    await addFollow(trx, challengeId, input.contactUserId)
    await notifyUsers(trx, [input.contactUserId], {
      challengeId,
      actorId: actor.id,
      kind: 'assigned',
      payload,
    })
  } else if (input.routed) {
    const members = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', input.departmentId)
      .where('status', '=', 'active')
      .execute()
    await notifyUsers(
      trx,
      members.map((m) => m.user_id),
      { challengeId, actorId: actor.id, kind: 'inbox', payload },
    )
  }
}

async function validateChange(
  trx: Executor,
  current: {
    department_id: number | null
    merged_into_id: number | null
    withdrawn_at: string | null
    status: ChallengeStatus
  },
  change: TriageChange,
) {
  if (change.status && current.merged_into_id) throw new TriageRefused('status')
  // Its author withdrew it before it was published: a moderator may not publish it for them.
  if (
    current.withdrawn_at &&
    change.status &&
    change.status !== current.status &&
    isPublicStatus(change.status)
  )
    throw new TriageRefused('withdrawn')
  if (change.departmentId) {
    const department = await trx
      .selectFrom('organisations')
      .select('kind')
      .where('id', '=', change.departmentId)
      .executeTakeFirst()
    if (department?.kind !== 'municipality') throw new TriageRefused('departmentId')
  }
  if (change.contactUserId) {
    const departmentId =
      change.departmentId !== undefined ? change.departmentId : current.department_id
    if (!departmentId || !(await isActiveMember(trx, departmentId, change.contactUserId)))
      throw new TriageRefused('contactUserId')
  }
  if (
    change.categoryId &&
    !(await trx
      .selectFrom('categories')
      .select('id')
      .where('id', '=', change.categoryId)
      .executeTakeFirst())
  ) {
    throw new TriageRefused('categoryId')
  }
  if (
    change.areaId &&
    !(await trx.selectFrom('areas').select('id').where('id', '=', change.areaId).executeTakeFirst())
  ) {
    throw new TriageRefused('areaId')
  }
}
