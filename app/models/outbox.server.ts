import type { Updateable } from 'kysely'
import type { Database, OutboxMessage } from '#db/schema'
import { db } from '~/db.server'
import type { Executor } from '~/db.server'
import { skippingLocked } from '~/models/dialect.server'

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

/**
 * How long a delivery run holds the messages it claimed. A process that dies mid-send leaves
 * its claims behind; another process sends those messages once they have lapsed.
 */
export const CLAIM_LEASE_MS = 10 * 60 * 1000

/**
 * Claims up to `limit` due messages for the delivery run `token` and returns them, oldest
 * first: one statement, so processes delivering at once each get different messages. A message
 * is due when it is pending, its next attempt has come and nobody holds a live claim on it.
 */
export async function claimDueMessages(
  executor: Executor,
  input: { now: Date; token: string; limit?: number; leaseMs?: number },
): Promise<OutboxMessage[]> {
  const now = input.now.toISOString()
  const due = executor
    .selectFrom('email_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claim_expires_at', 'is', null), eb('claim_expires_at', '<=', now)]))
    .orderBy('id')
    .limit(input.limit ?? 20)
  const claimed = await executor
    .updateTable('email_outbox')
    .set({
      claim_token: input.token,
      claim_expires_at: new Date(
        input.now.getTime() + (input.leaseMs ?? CLAIM_LEASE_MS),
      ).toISOString(),
    })
    .where('id', 'in', skippingLocked(due))
    .returningAll()
    .execute()
  // RETURNING follows no order on PostgreSQL.
  return claimed.sort((a, b) => a.id - b.id)
}

/**
 * Records a delivery. False when the run no longer held the claim (it lapsed and another run
 * took the message): the attempt is then left for that run to record.
 */
export async function markSent(
  executor: Executor,
  id: number,
  token: string,
  now = new Date(),
): Promise<boolean> {
  return releaseClaim(executor, id, token, {
    status: 'sent',
    sent_at: now.toISOString(),
    last_error: null,
  })
}

/** Records a failed attempt: retried at `next`, or given up when null. False as for markSent. */
export async function markFailedAttempt(
  executor: Executor,
  id: number,
  token: string,
  attempt: { attempts: number; error: string; next: Date | null },
): Promise<boolean> {
  return releaseClaim(executor, id, token, {
    attempts: attempt.attempts,
    last_error: attempt.error.slice(0, 1000),
    status: attempt.next ? 'pending' : 'failed',
    ...(attempt.next ? { next_attempt_at: attempt.next.toISOString() } : {}),
  })
}

/** Writes an attempt's outcome and lets go of the claim, only while this run still holds it. */
async function releaseClaim(
  executor: Executor,
  id: number,
  token: string,
  outcome: Updateable<Database['email_outbox']>,
): Promise<boolean> {
  const result = await executor
    .updateTable('email_outbox')
    .set({ ...outcome, claim_token: null, claim_expires_at: null })
    .where('id', '=', id)
    .where('claim_token', '=', token)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Gives back what the run `token` claimed and did not get to, so any run may send it now. */
export async function releaseClaims(executor: Executor, token: string): Promise<number> {
  const result = await executor
    .updateTable('email_outbox')
    .set({ claim_token: null, claim_expires_at: null })
    .where('claim_token', '=', token)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
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
