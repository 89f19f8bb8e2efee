import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect'

// Frozen once landed: never import app code here, never edit after it ships.
// Several app processes on one database (issue 12, item 6): an outbox message is claimed before
// it is sent. `claim_token` names the delivery run that holds it and `claim_expires_at` ends the
// claim, so a process that died mid-send leaves a claim that lapses and another process sends
// the message. Both are cleared when the attempt is recorded. The due query keeps using
// `email_outbox_due` (status, next_attempt_at).
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const time = dialect === 'postgres' ? 'timestamptz' : 'text'
  await db.schema.alterTable('email_outbox').addColumn('claim_token', 'text').execute()
  await db.schema.alterTable('email_outbox').addColumn('claim_expires_at', time).execute()
}
