import { sql } from 'kysely'
import { mayChangeRole } from '~/utils/policy'
import type { Role } from '#db/schema'
import { db, transaction } from '~/db.server'
import { likeIgnoringCase } from '~/models/dialect.server'
import { ADMIN_LIST_LIMIT, type AdminActor } from '~/models/admin-constants'
import { recordAudit } from '~/models/audit.server'
import { containsPattern } from '~/models/dialect.server'
import { setUserRole } from '~/models/user.server'
import { forUpdate } from '~/models/dialect.server'

// Every write here is one transaction with its audit row: the change and the record of it
// land together or not at all. A write that would change nothing writes nothing.

const ROLE_ORDER = sql<number>`case role when 'admin' then 0 when 'moderator' then 1 else 2 end`

/** Users whose name or email contains `q`: staff first, then the newest. */
export async function searchUsers(query: { q?: string; role?: Role }) {
  let qb = db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'banned_until', 'created_at', 'last_login_at'])
  if (query.role) qb = qb.where('role', '=', query.role)
  if (query.q) {
    const pattern = containsPattern(query.q)
    qb = qb.where(
      sql<boolean>`(${likeIgnoringCase(sql.ref('name'), pattern)} or ${likeIgnoringCase(sql.ref('email'), pattern)})`,
    )
  }
  const rows = await qb
    .orderBy(ROLE_ORDER)
    .orderBy('id', 'desc')
    .limit(ADMIN_LIST_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, ADMIN_LIST_LIMIT), more: rows.length > ADMIN_LIST_LIMIT }
}

export type RoleResult = 'ok' | 'notFound' | 'selfDemotion'

/** Changes a user's role. An admin cannot take the admin role from themselves. */
export async function changeUserRole(
  userId: number,
  role: Role,
  actor: AdminActor,
): Promise<RoleResult> {
  return transaction(async (trx) => {
    // Locked: two admins at once audit true before-and-after values.
    const current = await forUpdate(
      trx.selectFrom('users').select('role').where('id', '=', userId),
    ).executeTakeFirst()
    if (!current) return 'notFound'
    // Only admins reach this (requireAdmin); the policy says what even they may not do.
    if (!mayChangeRole({ id: actor.actorId, role: 'admin' }, userId, role)) return 'selfDemotion'
    if (current.role === role) return 'ok'
    await setUserRole(trx, userId, role)
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.user.role',
      subjectType: 'user',
      subjectId: userId,
      before: { role: current.role },
      after: { role },
      ip: actor.ip,
    })
    return 'ok'
  })
}
