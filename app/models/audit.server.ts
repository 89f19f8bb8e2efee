import { db } from '~/db.server'
import type { Executor } from '~/db.server'

export interface AuditInput {
  actorId: number | null
  action: string
  subjectType: string
  subjectId?: number | null
  before?: unknown
  after?: unknown
  reason?: string | null
  ip?: string | null
}

/** Append-only: there is no update or delete for audit rows anywhere in the app. */
export async function recordAudit(executor: Executor, entry: AuditInput) {
  await executor
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
      ip: entry.ip ?? null,
    })
    .execute()
}

export async function listAuditForSubject(subjectType: string, subjectId: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('id', 'desc')
    .execute()
}
