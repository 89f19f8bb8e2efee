import type { OutboxMessage } from '#db/schema'
import { db } from '~/db.server'
import type { Executor } from '~/db.server'

export interface MailContent {
  to: string
  subject: string
  text: string
  html: string
  template: string
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058 one-click). */
  headers?: Record<string, string>
}

export async function insertOutboxMessage(executor: Executor, mail: MailContent): Promise<number> {
  const row = await executor
    .insertInto('email_outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      template: mail.template,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
      next_attempt_at: new Date().toISOString(),
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function listDueMessages(now: Date, limit = 20): Promise<OutboxMessage[]> {
  return db
    .selectFrom('email_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('id')
    .limit(limit)
    .execute()
}

export async function markSent(id: number, now = new Date()) {
  await db
    .updateTable('email_outbox')
    .set({ status: 'sent', sent_at: now.toISOString(), last_error: null })
    .where('id', '=', id)
    .execute()
}

export async function markFailedAttempt(
  id: number,
  attempts: number,
  error: string,
  next: Date | null,
) {
  await db
    .updateTable('email_outbox')
    .set({
      attempts,
      last_error: error.slice(0, 1000),
      status: next ? 'pending' : 'failed',
      ...(next ? { next_attempt_at: next.toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Newest first; for tests and the operator. */
export async function listOutbox(filter: { to?: string; template?: string } = {}) {
  let query = db.selectFrom('email_outbox').selectAll().orderBy('id', 'desc')
  if (filter.to) query = query.where('to_address', '=', filter.to)
  if (filter.template) query = query.where('template', '=', filter.template)
  return query.execute()
}

/** Delivered and given-up mail is kept this long (for the operator), then deleted. */
export const MAIL_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Deletes sent and failed mail older than 30 days: bodies name people and hold links. Pending
 * mail stays whatever its age (it is still being delivered). For the hourly housekeeping.
 */
export async function purgeOldMail(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - MAIL_RETENTION_MS).toISOString()
  const result = await db
    .deleteFrom('email_outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where((eb) => eb(eb.fn.coalesce('sent_at', 'created_at'), '<', cutoff))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
