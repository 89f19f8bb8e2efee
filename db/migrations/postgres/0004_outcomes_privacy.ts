import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0004_outcomes_privacy (see 0001 for the types).
// Disputes of "solved", e-mail confirmation, mail headers, and the indexes reports read by date.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`

  // A resident may dispute a "solved" challenge once; the dispute waits in the moderation queue.
  await db.schema
    .createTable('disputes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'upheld', 'rejected')`),
    )
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('disputes_one_per_user')
    .unique()
    .on('disputes')
    .columns(['challenge_id', 'user_id'])
    .execute()
  await db.schema.createIndex('disputes_status').on('disputes').column('status').execute()
  await db.schema.createIndex('disputes_user').on('disputes').column('user_id').execute()

  await db.schema
    .createTable('email_confirmation_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('email_confirmation_tokens_user')
    .on('email_confirmation_tokens')
    .column('user_id')
    .execute()
  // Accounts older than e-mail confirmation were never sent a link: count them as confirmed, or
  // the purge of unconfirmed accounts would delete every one of them on the first start.
  await sql`update users set email_verified_at = created_at where email_verified_at is null`.execute(
    db,
  )
  await db.schema
    .createIndex('users_unconfirmed')
    .on('users')
    .columns(['email_verified_at', 'created_at'])
    .execute()

  // Extra mail headers as JSON, e.g. List-Unsubscribe for one-click unsubscribe (RFC 8058).
  await db.schema.alterTable('email_outbox').addColumn('headers', 'text').execute()

  // The reports group activity by week: read these by date without scanning the tables.
  for (const [name, table, columns] of [
    ['challenge_votes_created', 'challenge_votes', ['created_at', 'user_id']],
    ['comments_created', 'comments', ['created_at', 'author_id']],
    ['solutions_created', 'solutions', ['created_at', 'author_id']],
    ['challenges_solved', 'challenges', ['solved_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on(table)
      .columns([...columns])
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'challenge_votes_created',
    'comments_created',
    'solutions_created',
    'challenges_solved',
    'users_unconfirmed',
  ]) {
    await db.schema.dropIndex(name).execute()
  }
  await db.schema.dropTable('email_confirmation_tokens').execute()
  await db.schema.dropTable('disputes').execute()
  await db.schema.alterTable('email_outbox').dropColumn('headers').execute()
}
