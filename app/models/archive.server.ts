import { transaction } from '~/db.server'
import type { AdminActor } from '~/models/admin-constants'
import { recordAudit } from '~/models/audit.server'
import { forUpdate } from '~/models/dialect.server'

/**
 * Archives a row of a list an admin keeps (categories, areas, reply templates) or brings it
 * back, in one transaction with its audit row (`<auditAction>.archive` or `.unarchive`). A
 * row already as asked is left alone. False when there is no such row.
 */
export async function setArchived(
  input: {
    table: 'categories' | 'areas' | 'reply_templates'
    id: number
    archived: boolean
    auditAction: string
    subjectType: string
  },
  actor: AdminActor,
): Promise<boolean> {
  // The three tables share id and archived_at, the only columns read and written here.
  const table = input.table as 'areas'
  return transaction(async (trx) => {
    // Locked: archived once, audited once, whoever else clicks at the same moment.
    const current = await forUpdate(
      trx.selectFrom(table).select('archived_at').where('id', '=', input.id),
    ).executeTakeFirst()
    if (!current) return false
    if ((current.archived_at !== null) === input.archived) return true
    const archivedAt = input.archived ? new Date().toISOString() : null
    await trx
      .updateTable(table)
      .set({ archived_at: archivedAt })
      .where('id', '=', input.id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `${input.auditAction}.${input.archived ? 'archive' : 'unarchive'}`,
      subjectType: input.subjectType,
      subjectId: input.id,
      before: { archived_at: current.archived_at },
      after: { archived_at: archivedAt },
      ip: actor.ip,
    })
    return true
  })
}
