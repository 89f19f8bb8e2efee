import { sql } from 'kysely'
import type { ChallengeStatus, FlagSubject, Priority } from '#db/schema'
import { db, type Executor } from '~/db.server'
import { isLocale } from '~/i18n'
import { recordAudit } from '~/models/audit.server'
import { setChallengeStatus } from '~/models/challenge.server'
import { isOnPublicBoard, isPublicStatus } from '~/models/challenge-constants'
import { addFollow } from '~/models/follow.server'
import { listAudience, notifyFollowers, notifyUsers } from '~/models/notification.server'
import { deleteUserSessions } from '~/models/session.server'
import { indexChallenge } from '~/models/search.server'
import { recomputeTrending } from '~/models/trending.server'
import type { Actor } from '~/models/permissions.server'
import { getFixedT } from '~/services/i18n.server'
import { queueMail } from '~/services/mail.server'
import { renderMarkdown, summarise } from '~/services/markdown.server'
import { excerpt } from '~/utils/notification-text'

import type { BULK_ACTIONS, HIDE_REASONS } from '~/models/moderation-constants'

export type HideReason = (typeof HIDE_REASONS)[number] | 'auto_flags'

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
export class MergeRefused extends Error {
  constructor(public reason: 'self' | 'merged' | 'not_found' | 'not_public') {
    super(reason)
  }
}

const TABLE = { challenge: 'challenges', solution: 'solutions', comment: 'comments' } as const

/** The post's row (with its author and challenge), whatever its kind. */
export async function findPost(executor: Executor, subjectType: FlagSubject, subjectId: number) {
  if (subjectType === 'challenge') {
    const row = await executor
      .selectFrom('challenges')
      .select(['id', 'author_id', 'hidden_at', 'hidden_reason', 'title'])
      .where('id', '=', subjectId)
      .executeTakeFirst()
    return row ? { ...row, challenge_id: row.id } : undefined
  }
  const row = await executor
    .selectFrom(TABLE[subjectType])
    .innerJoin(
      'challenges',
      'challenges.id',
      `${TABLE[subjectType]}.challenge_id` as 'solutions.challenge_id',
    )
    .select([
      `${TABLE[subjectType]}.id as id` as 'solutions.id',
      `${TABLE[subjectType]}.author_id as author_id` as 'solutions.author_id',
      `${TABLE[subjectType]}.hidden_at as hidden_at` as 'solutions.hidden_at',
      `${TABLE[subjectType]}.hidden_reason as hidden_reason` as 'solutions.hidden_reason',
      'challenges.id as challenge_id',
      'challenges.title',
    ])
    .where(`${TABLE[subjectType]}.id` as 'solutions.id', '=', subjectId)
    .executeTakeFirst()
  return row as
    | {
        id: number
        author_id: number | null
        hidden_at: string | null
        hidden_reason: string | null
        challenge_id: number
        title: string
      }
    | undefined
}

/** Whether a post (of any kind) belongs to this challenge: forms may only act on their own page's posts. */
export async function isPostOf(
  challengeId: number,
  post: { subjectType: FlagSubject; subjectId: number },
) {
  return (await findPost(db, post.subjectType, post.subjectId))?.challenge_id === challengeId
}

/**
 * Mails the author of a post a moderator hid or turned down, in their language: a hidden post
 * (which they may appeal), a held pledge rejected, an edit rejected (the approved text stays).
 */
export async function tellAuthor(
  trx: Executor,
  authorId: number | null,
  template: {
    name: 'postHidden' | 'pledgeRejected' | 'editRejected'
    reason: string
    challengeId: number
    title: string
  },
  siteUrl: string,
) {
  if (!authorId) return
  const author = await trx
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('id', '=', authorId)
    .executeTakeFirst()
  if (!author) return
  const locale = isLocale(author.locale) ? author.locale : 'sv'
  const t = await getFixedT(locale)
  await queueMail(
    trx,
    author.email,
    {
      name: template.name,
      values: {
        name: author.name,
        title: template.title,
        reason: t(`hideReasons.${template.reason}`),
        url: `${siteUrl}/challenges/${template.challengeId}`,
      },
    },
    locale,
  )
}

/**
 * Hides a post with a reason code. It keeps its data and status; its author is told the reason
 * and may appeal once. Open flags on it are resolved as "hidden".
 */
export async function hidePost(
  actor: Actor | null,
  input: {
    subjectType: FlagSubject
    subjectId: number
    reason: HideReason
    siteUrl: string
    ip?: string | null
  },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (!post) return false
    if (post.hidden_at) return true
    const now = new Date().toISOString()
    await trx
      .updateTable(TABLE[input.subjectType])
      .set({ hidden_at: now, hidden_reason: input.reason })
      .where('id', '=', input.subjectId)
      .execute()
    await trx
      .updateTable('flags')
      .set({ resolved_at: now, resolved_by: actor?.id ?? null, resolution: 'hidden' })
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('resolved_at', 'is', null)
      .execute()
    if (input.subjectType === 'solution') await indexChallenge(trx, post.challenge_id)
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: `${input.subjectType}.hide`,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: { hidden: false },
      after: { hidden: true, reason: input.reason },
      reason: input.reason,
      ip: input.ip,
    })
    await tellAuthor(
      trx,
      post.author_id,
      {
        name: 'postHidden',
        reason: input.reason,
        challengeId: post.challenge_id,
        title: post.title,
      },
      input.siteUrl,
    )
    return true
  }
  return executor ? run(executor) : db.transaction().execute(run)
}

export async function restorePost(
  actor: Actor,
  input: { subjectType: FlagSubject; subjectId: number; ip?: string | null },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (!post) return false
    if (!post.hidden_at) return true
    await trx
      .updateTable('appeals')
      .set({ status: 'upheld', decided_by: actor.id, decided_at: new Date().toISOString() })
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('status', '=', 'open')
      .execute()
    await trx
      .updateTable(TABLE[input.subjectType])
      .set({ hidden_at: null, hidden_reason: null })
      .where('id', '=', input.subjectId)
      .execute()
    if (input.subjectType === 'solution') await indexChallenge(trx, post.challenge_id)
    if (input.subjectType === 'challenge') await tellUntoldRouting(trx, actor, post.challenge_id)
    await recordAudit(trx, {
      actorId: actor.id,
      action: `${input.subjectType}.restore`,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: { hidden: true, reason: post.hidden_reason },
      after: { hidden: false },
      ip: input.ip,
    })
    return true
  }
  return executor ? run(executor) : db.transaction().execute(run)
}

/** The author asks once for a hidden post to come back; the appeal lands in the queue. */
export async function appeal(input: {
  userId: number
  challengeId: number
  subjectType: FlagSubject
  subjectId: number
  body: string
}) {
  return db.transaction().execute(async (trx) => {
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (
      !post ||
      !post.hidden_at ||
      post.author_id !== input.userId ||
      post.challenge_id !== input.challengeId
    ) {
      return 'not_allowed' as const
    }
    const inserted = await trx
      .insertInto('appeals')
      .values({
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        challenge_id: post.challenge_id,
        user_id: input.userId,
        body: input.body,
        decided_by: null,
        decided_at: null,
      })
      .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doNothing())
      .executeTakeFirst()
    return Number(inserted.numInsertedOrUpdatedRows ?? 0)
      ? ('filed' as const)
      : ('already' as const)
  })
}

export async function decideAppeal(
  actor: Actor,
  input: {
    appealId: number
    challengeId: number
    restore: boolean
    /** The moderator's note to the appellant. */
    note?: string | null
    ip?: string | null
  },
) {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', input.appealId)
      .executeTakeFirst()
    if (!found || found.status !== 'open' || found.challenge_id !== input.challengeId) return false
    await trx
      .updateTable('appeals')
      .set({
        status: input.restore ? 'upheld' : 'rejected',
        decided_by: actor.id,
        decided_at: new Date().toISOString(),
        decision_note: input.note || null,
      })
      .where('id', '=', input.appealId)
      .execute()
    await notifyUsers(trx, [found.user_id], {
      challengeId: found.challenge_id,
      actorId: actor.id,
      kind: 'appeal_decided',
      payload: { subject: found.subject_type, restored: input.restore, note: input.note || null },
    })
    if (input.restore)
      await restorePost(
        actor,
        { subjectType: found.subject_type, subjectId: found.subject_id, ip: input.ip },
        trx,
      )
    await recordAudit(trx, {
      actorId: actor.id,
      action: input.restore ? 'appeal.uphold' : 'appeal.reject',
      subjectType: 'appeal',
      subjectId: found.id,
      after: { subjectType: found.subject_type, subjectId: found.subject_id },
      reason: input.note || null,
      ip: input.ip,
    })
    return true
  })
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
    const current = await trx
      .selectFrom('challenges')
      .selectAll()
      .where('id', '=', input.challengeId)
      .executeTakeFirst()
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
  return executor ? run(executor) : db.transaction().execute(run)
}

/**
 * A challenge routed while it was hidden or pending reached nobody in the department (they may
 * not open it): once it is public, they hear of it, unless they already did.
 */
async function tellUntoldRouting(trx: Executor, actor: Actor, challengeId: number) {
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

/** Closes every open flag on a challenge and its posts without hiding anything. */
export async function dismissFlags(
  actor: Actor,
  input: { challengeId: number; ip?: string | null },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    const exists = await trx
      .selectFrom('challenges')
      .select('id')
      .where('id', '=', input.challengeId)
      .executeTakeFirst()
    if (!exists) return false
    const result = await trx
      .updateTable('flags')
      .set({
        resolved_at: new Date().toISOString(),
        resolved_by: actor.id,
        resolution: 'dismissed',
      })
      .where('challenge_id', '=', input.challengeId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'flags.dismiss',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      after: { dismissed: Number(result.numUpdatedRows) },
      ip: input.ip,
    })
    return true
  }
  return executor ? run(executor) : db.transaction().execute(run)
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

export async function addInternalNote(actor: Actor, challengeId: number, body: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('internal_notes')
      .values({ challenge_id: challengeId, author_id: actor.id, body })
      .execute()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.note',
      subjectType: 'challenge',
      subjectId: challengeId,
    })
  })
}

/** A moderator or a member of the routed department answers officially; the first answer is the time to first response. */
export async function postOfficialResponse(
  actor: Actor,
  input: { challengeId: number; body: string; organisationId: number | null; ip?: string | null },
) {
  const html = renderMarkdown(input.body)
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString()
    await trx
      .insertInto('official_responses')
      .values({
        challenge_id: input.challengeId,
        author_id: actor.id,
        organisation_id: input.organisationId,
        body_md: input.body,
        body_html: html,
        created_at: now,
      })
      .execute()
    await trx
      .updateTable('challenges')
      .set({ first_response_at: now })
      .where('id', '=', input.challengeId)
      .where('first_response_at', 'is', null)
      .execute()
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.official_response',
      subjectType: 'challenge',
      subjectId: input.challengeId,
      ip: input.ip,
    })
    const department = input.organisationId
      ? await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', input.organisationId)
          .executeTakeFirst()
      : undefined
    await notifyFollowers(trx, {
      challengeId: input.challengeId,
      actorId: actor.id,
      kind: 'official_response',
      payload: { department: department?.name ?? null, excerpt: excerpt(summarise(html)) },
      author: true,
    })
  })
}

/** Bans a user until a time (sessions end at once); null `until` lifts the ban. */
export async function setBan(
  actor: Actor,
  input: { userId: number; until: string | null; reason: string | null; ip?: string | null },
) {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'banned_until', 'role'])
      .where('id', '=', input.userId)
      .executeTakeFirst()
    if (!user) return false
    // Nobody bans themselves; only an admin may ban a moderator or an admin.
    if (user.id === actor.id || (user.role !== 'member' && actor.role !== 'admin')) {
      return 'forbidden' as const
    }
    await trx
      .updateTable('users')
      .set({ banned_until: input.until, ban_reason: input.until ? input.reason : null })
      .where('id', '=', user.id)
      .execute()
    if (input.until) await deleteUserSessions(trx, user.id)
    await recordAudit(trx, {
      actorId: actor.id,
      action: input.until ? 'user.ban' : 'user.unban',
      subjectType: 'user',
      subjectId: user.id,
      before: { bannedUntil: user.banned_until },
      after: { bannedUntil: input.until },
      reason: input.reason,
      ip: input.ip,
    })
    return true
  })
}

/**
 * Merges a duplicate into another challenge: votes (without doubling), follows and comments
 * move; the duplicate is closed and remembers where it went, so its URL can redirect.
 */
export async function mergeChallenge(
  actor: Actor,
  input: { fromId: number; intoId: number; ip?: string | null },
) {
  if (input.fromId === input.intoId) throw new MergeRefused('self')
  await db.transaction().execute(async (trx) => {
    const [from, into] = await Promise.all([
      trx.selectFrom('challenges').selectAll().where('id', '=', input.fromId).executeTakeFirst(),
      trx.selectFrom('challenges').selectAll().where('id', '=', input.intoId).executeTakeFirst(),
    ])
    if (!from || !into) throw new MergeRefused('not_found')
    if (into.merged_into_id || from.merged_into_id) throw new MergeRefused('merged')
    // Its title is told to the duplicate's followers, and they move there: it must be public.
    if (!isOnPublicBoard(into)) throw new MergeRefused('not_public')
    // Told before the follows move: those who followed the duplicate learn where it went.
    await notifyUsers(trx, await listAudience(trx, from.id, { author: true }), {
      challengeId: from.id,
      actorId: actor.id,
      kind: 'merged',
      payload: { intoId: into.id, intoTitle: into.title },
    })
    await sql`insert or ignore into challenge_votes (challenge_id, user_id, created_at)
      select ${into.id}, user_id, created_at from challenge_votes where challenge_id = ${from.id}`.execute(
      trx,
    )
    await trx.deleteFrom('challenge_votes').where('challenge_id', '=', from.id).execute()
    await sql`insert or ignore into follows (challenge_id, user_id, created_at)
      select ${into.id}, user_id, created_at from follows where challenge_id = ${from.id}`.execute(
      trx,
    )
    await trx.deleteFrom('follows').where('challenge_id', '=', from.id).execute()
    await trx
      .updateTable('comments')
      .set({ challenge_id: into.id })
      .where('challenge_id', '=', from.id)
      .where('solution_id', 'is', null)
      .execute()
    const count = async (table: 'challenge_votes' | 'follows' | 'comments') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('challenge_id', '=', into.id)
            // Held comments are counted when a moderator lets them through.
            .$if(table === 'comments', (qb) => qb.where(sql.ref('held_at'), 'is', null))
            .executeTakeFirstOrThrow()
        ).n,
      )
    await trx
      .updateTable('challenges')
      .set({
        vote_count: await count('challenge_votes'),
        follower_count: await count('follows'),
        comment_count: await count('comments'),
        version: sql`version + 1`,
      })
      .where('id', '=', into.id)
      .execute()
    await trx
      .updateTable('challenges')
      .set({
        merged_into_id: into.id,
        vote_count: 0,
        follower_count: 0,
        comment_count: 0,
        version: sql`version + 1`,
      })
      .where('id', '=', from.id)
      .execute()
    // The moved votes, follows and comments keep their dates: the target trends with them.
    await recomputeTrending(trx, { ids: [into.id, from.id] })
    await setChallengeStatus(trx, {
      challengeId: from.id,
      to: 'closed',
      actorId: actor.id,
      closedReason: 'merged',
      notify: false,
    })
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'challenge.merge',
      subjectType: 'challenge',
      subjectId: from.id,
      after: { mergedInto: into.id },
      ip: input.ip,
    })
  })
}

export type BulkAction = (typeof BULK_ACTIONS)[number]

/**
 * One action on many challenges, all or nothing: if any one fails (unknown id, stale), none
 * changes. `message` is the public reply (from a template or typed).
 */
export async function bulkModerate(
  actor: Actor,
  input: {
    ids: number[]
    action: BulkAction
    message: string | null
    reason?: HideReason
    status?: ChallengeStatus
    departmentId?: number | null
    siteUrl: string
    ip?: string | null
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let changed = 0
    for (const challengeId of input.ids) {
      // Routing or setting a status that a challenge already has is valid but changes nothing;
      // the count says so, so "route to no department" on unrouted ones is not reported as done.
      const before = await trx
        .selectFrom('challenges')
        .select(['status', 'department_id'])
        .where('id', '=', challengeId)
        .executeTakeFirst()
      let done: boolean
      switch (input.action) {
        case 'approve':
          done =
            (await isPending(trx, challengeId)) &&
            (await triageChallenge(
              actor,
              {
                challengeId,
                version: null,
                change: { status: 'open', message: input.message },
                ip: input.ip,
              },
              trx,
            ))
          break
        case 'reject':
          done =
            (await isPending(trx, challengeId)) &&
            (await triageChallenge(
              actor,
              {
                challengeId,
                version: null,
                change: { status: 'rejected', message: input.message },
                ip: input.ip,
              },
              trx,
            ))
          break
        case 'hide':
          done = await hidePost(
            actor,
            {
              subjectType: 'challenge',
              subjectId: challengeId,
              reason: input.reason ?? 'other',
              siteUrl: input.siteUrl,
              ip: input.ip,
            },
            trx,
          )
          break
        case 'dismiss':
          done = await dismissFlags(actor, { challengeId, ip: input.ip }, trx)
          break
        case 'route':
          done = await triageChallenge(
            actor,
            {
              challengeId,
              version: null,
              change: { departmentId: input.departmentId ?? null, message: input.message },
              ip: input.ip,
            },
            trx,
          )
          break
        default:
          done = await triageChallenge(
            actor,
            {
              challengeId,
              version: null,
              change: { status: input.status, message: input.message },
              ip: input.ip,
            },
            trx,
          )
      }
      if (!done) throw new BulkFailed(challengeId)
      const same =
        (input.action === 'route' && before?.department_id === (input.departmentId ?? null)) ||
        (input.action === 'status' && before?.status === input.status)
      if (!same) changed++
    }
    return changed
  })
}

async function isPending(trx: Executor, challengeId: number) {
  const row = await trx
    .selectFrom('challenges')
    .select(['status', 'merged_into_id', 'withdrawn_at'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  return row?.status === 'pending' && row.merged_into_id === null && row.withdrawn_at === null
}

export class BulkFailed extends Error {
  constructor(public challengeId: number) {
    super(`bulk action failed on ${challengeId}`)
  }
}
