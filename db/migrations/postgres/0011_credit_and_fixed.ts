import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0011_credit_and_fixed; `fixed` is a boolean here.
// Credit where the work was done, and "is it fixed?" (issue 9, items 3 and 4).
//
// - A credit can come from a pledge as well as from an accepted solution: challenge_solvers
//   keeps the pledge it came from, as it keeps the solution.
// - Some days after a challenge is solved, its author, voters and followers are asked once
//   whether it is fixed: fixed_asked_at says it was asked, fixed_answers holds one answer per
//   person per challenge (a second answer replaces the first).
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`
  await db.schema
    .alterTable('challenge_solvers')
    .addColumn('pledge_id', 'integer', (c) => c.references('pledges.id').onDelete('set null'))
    .execute()

  await db.schema.alterTable('challenges').addColumn('fixed_asked_at', 'timestamptz').execute()
  // The hourly job's question: solved, not yet asked, solved before a date. Small: a challenge
  // leaves the index once asked or no longer solved.
  await db.schema
    .createIndex('challenges_fixed_due')
    .on('challenges')
    .column('solved_at')
    .where(sql.ref('status'), '=', 'solved')
    .where(sql.ref('fixed_asked_at'), 'is', null)
    .execute()

  await db.schema
    .createTable('fixed_answers')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // A boolean, so SQLite's check (fixed in (0, 1)) has no counterpart; read back as 1/0.
    .addColumn('fixed', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  // One answer per person per challenge; also the index the counts per challenge read.
  await db.schema
    .createIndex('fixed_answers_one_per_user')
    .unique()
    .on('fixed_answers')
    .columns(['challenge_id', 'user_id'])
    .execute()
  await db.schema.createIndex('fixed_answers_user').on('fixed_answers').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('fixed_answers').ifExists().execute()
  await db.schema.dropIndex('challenges_fixed_due').ifExists().execute()
  await db.schema.alterTable('challenges').dropColumn('fixed_asked_at').execute()
  await db.schema.alterTable('challenge_solvers').dropColumn('pledge_id').execute()
}
