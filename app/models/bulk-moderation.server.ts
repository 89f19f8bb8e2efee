import type { ChallengeStatus } from '#db/schema'
import { transaction, type Executor } from '~/db.server'
import { dismissFlags } from '~/models/flag.server'
import type { BULK_ACTIONS } from '~/models/moderation-constants'
import { hidePost, type HideReason } from '~/models/moderation-visibility.server'
import type { Actor } from '~/utils/policy'
import { triageChallenge, type TriageChange } from '~/models/triage.server'
import { lockChallenges } from '~/models/dialect.server'

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
  return transaction(async (trx) => {
    // All at once, in id order: two bulk actions on overlapping challenges cannot deadlock.
    await lockChallenges(trx, input.ids)
    let changed = 0
    for (const challengeId of input.ids) {
      // Routing or setting a status that a challenge already has is valid but changes nothing;
      // the count says so, so "route to no department" on unrouted ones is not reported as done.
      const before = await trx
        .selectFrom('challenges')
        .select(['status', 'department_id'])
        .where('id', '=', challengeId)
        .executeTakeFirst()
      // Every action but hide and dismiss is a triage change carrying the public message.
      const triage = (change: TriageChange) =>
        triageChallenge(
          actor,
          {
            challengeId,
            version: null,
            change: { ...change, message: input.message },
            ip: input.ip,
          },
          trx,
        )
      let done: boolean
      switch (input.action) {
        case 'approve':
        case 'reject':
          done =
            (await isPending(trx, challengeId)) &&
            (await triage({ status: input.action === 'approve' ? 'open' : 'rejected' }))
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
          done = await triage({ departmentId: input.departmentId ?? null })
          break
        default:
          done = await triage({ status: input.status })
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
