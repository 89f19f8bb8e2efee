import type { FlagSubject } from '#db/schema'
import { transaction, type Executor } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import type { HIDE_REASONS } from '~/models/moderation-constants'
import { hiddenMail, tellAuthor } from '~/models/moderation-mail.server'
import type { Actor } from '~/utils/policy'
import { findPost, setPostHidden } from '~/models/post-kinds.server'
import { indexChallenge } from '~/models/search.server'
import { tellUntoldRouting } from '~/models/triage.server'
import { lockPost } from '~/models/dialect.server'

export type HideReason = (typeof HIDE_REASONS)[number] | 'auto_flags'

/**
 * Hides a post, or a single photo, with a reason code. It keeps its data and status; its author
 * is told the reason and may appeal once. Open flags on it are resolved as "hidden".
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
    // Hidden or restored once, with one audit row and one mail, whoever else acts at once.
    await lockPost(trx, input.subjectType, input.subjectId)
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (!post) return false
    if (post.hidden_at) return true
    const now = new Date().toISOString()
    await setPostHidden(trx, input, { hidden_at: now, hidden_reason: input.reason }, actor?.id)
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
        name: hiddenMail(input.subjectType),
        reason: input.reason,
        challengeId: post.challenge_id,
        title: post.title,
      },
      input.siteUrl,
    )
    return true
  }
  return executor ? run(executor) : transaction(run)
}

export async function restorePost(
  actor: Actor,
  input: { subjectType: FlagSubject; subjectId: number; ip?: string | null },
  executor?: Executor,
) {
  const run = async (trx: Executor) => {
    // Hidden or restored once, with one audit row and one mail, whoever else acts at once.
    await lockPost(trx, input.subjectType, input.subjectId)
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
    await setPostHidden(trx, input, { hidden_at: null, hidden_reason: null })
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
  return executor ? run(executor) : transaction(run)
}
