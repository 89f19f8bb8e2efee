import type { FlagSubject } from '#db/schema'
import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { HIDE_REASONS } from '~/models/moderation-constants'
import { hiddenMail, tellAuthor } from '~/models/moderation-mail.server'
import { restorePost } from '~/models/moderation-visibility.server'
import { findPost, setPostHidden } from '~/models/post-kinds.server'
import type { Actor } from '~/utils/policy'
import { lockPost } from '~/models/dialect.server'

export type AutoHiddenDecision = 'confirm' | 'restore'

/**
 * A moderator's decision on a post that flags hid by themselves (hidden_reason 'auto_flags',
 * flags still open). Confirming keeps it hidden for the reason most flaggers gave, closes the
 * flags as upheld and tells the author as for a moderator's hide; restoring shows it again and
 * dismisses the flags. One transaction with its audit rows. `challengeId`, when given, must be
 * the post's challenge (forms act only on their own page's posts).
 */
export async function decideAutoHidden(
  actor: Actor,
  input: {
    subjectType: FlagSubject
    subjectId: number
    challengeId?: number
    decision: AutoHiddenDecision
    siteUrl: string
    ip?: string | null
  },
) {
  return transaction(async (trx) => {
    await lockPost(trx, input.subjectType, input.subjectId)
    const post = await findPost(trx, input.subjectType, input.subjectId)
    if (!post) return 'not_found' as const
    if (input.challengeId !== undefined && post.challenge_id !== input.challengeId)
      return 'not_found' as const
    const open = await trx
      .selectFrom('flags')
      .select('reason')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('resolved_at', 'is', null)
      .groupBy('reason')
      .orderBy('n', 'desc')
      .orderBy('reason')
      .execute()
    // Someone decided already (another moderator, an appeal): nothing waits any more.
    if (!post.hidden_at || post.hidden_reason !== 'auto_flags' || open.length === 0)
      return 'decided' as const
    const now = new Date().toISOString()
    const flagCount = open.reduce((sum, r) => sum + Number(r.n), 0)
    const closeFlags = (resolution: 'upheld' | 'dismissed') =>
      trx
        .updateTable('flags')
        .set({ resolved_at: now, resolved_by: actor.id, resolution })
        .where('subject_type', '=', input.subjectType)
        .where('subject_id', '=', input.subjectId)
        .where('resolved_at', 'is', null)
        .execute()
    if (input.decision === 'confirm') {
      const top = open[0]!.reason
      const reason = (HIDE_REASONS as readonly string[]).includes(top) ? top : 'other'
      await setPostHidden(trx, input, { hidden_reason: reason })
      await closeFlags('upheld')
      await recordAudit(trx, {
        actorId: actor.id,
        action: `${input.subjectType}.hide_confirm`,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        before: { hidden: true, reason: 'auto_flags' },
        after: { hidden: true, reason, flags: flagCount },
        reason,
        ip: input.ip,
      })
      await tellAuthor(
        trx,
        post.author_id,
        {
          name: hiddenMail(input.subjectType),
          reason,
          challengeId: post.challenge_id,
          title: post.title,
        },
        input.siteUrl,
      )
    } else {
      await restorePost(
        actor,
        { subjectType: input.subjectType, subjectId: input.subjectId, ip: input.ip },
        trx,
      )
      await closeFlags('dismissed')
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'flags.dismiss',
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        after: { dismissed: flagCount },
        ip: input.ip,
      })
    }
    return 'done' as const
  })
}
