import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0013_trust_and_limits (see 0001 for the types).
// Who flags and who signs up (issue 10, items 3 and 12).
//
// - A flag keeps a keyed hash of the flagger's network (IPv4 /24, IPv6 /48), salted with the
//   post it flags, so the auto-hide rule can tell one network from several without storing an
//   address, and without letting anyone follow one network's flags from post to post. The
//   housekeeping job clears it once the flag is resolved. `escalated_at` marks open flags that
//   reached the hiding weight on a post that is never hidden automatically (a municipal
//   department's or a verified organisation's), so the moderation queue can put it first.
// - A registration's confirmation link keeps keyed hashes of the address and network it came
//   from, so confirming gives that address its place back in the sign-up limits. The row goes
//   when the link is used or expires (7 days).
// - The flagger's track record is read by user: an index on (user_id, resolution).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('flags').addColumn('network', 'text').execute()
  await db.schema.alterTable('flags').addColumn('escalated_at', 'timestamptz').execute()
  await db.schema
    .createIndex('flags_user_resolution')
    .on('flags')
    .columns(['user_id', 'resolution'])
    .execute()
  // The housekeeping job's question: resolved flags that still hold a network.
  await db.schema
    .createIndex('flags_network_to_forget')
    .on('flags')
    .column('resolved_at')
    .where(sql.ref('network'), 'is not', null)
    .execute()
  await db.schema
    .alterTable('email_confirmation_tokens')
    .addColumn('signup_address', 'text')
    .execute()
  await db.schema
    .alterTable('email_confirmation_tokens')
    .addColumn('signup_network', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_confirmation_tokens').dropColumn('signup_network').execute()
  await db.schema.alterTable('email_confirmation_tokens').dropColumn('signup_address').execute()
  await db.schema.dropIndex('flags_network_to_forget').ifExists().execute()
  await db.schema.dropIndex('flags_user_resolution').ifExists().execute()
  await db.schema.alterTable('flags').dropColumn('escalated_at').execute()
  await db.schema.alterTable('flags').dropColumn('network').execute()
}
