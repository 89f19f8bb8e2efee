import { transaction } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { mayBan, type Actor } from '~/utils/policy'
import { deleteUserSessions } from '~/models/session.server'
import { forUpdate } from '~/models/dialect.server'

/** Bans a user until a time (sessions end at once); null `until` lifts the ban. */
export async function setBan(
  actor: Actor,
  input: { userId: number; until: string | null; reason: string | null; ip?: string | null },
) {
  return transaction(async (trx) => {
    const user = await forUpdate(
      trx.selectFrom('users').select(['id', 'banned_until', 'role']).where('id', '=', input.userId),
    ).executeTakeFirst()
    if (!user) return false
    if (!mayBan(actor, user)) return 'forbidden' as const
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

const DAY_MS = 86_400_000

/** Bans a user for a number of days from now; answers as setBan does. */
export async function banForDays(
  actor: Actor,
  input: { userId: number; days: number; reason: string | null; ip?: string | null },
) {
  const { days, ...rest } = input
  return setBan(actor, { ...rest, until: new Date(Date.now() + days * DAY_MS).toISOString() })
}
