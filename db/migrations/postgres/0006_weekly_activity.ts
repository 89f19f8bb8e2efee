import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0006_weekly_activity: who was active in which week, kept up to date by
// triggers (same names and conditions as SQLite's). PostgreSQL knows the time zone, so the
// town's week (Europe/Stockholm, Monday 00:00 local) is date_trunc over the local time.
const WEEK = (column: string) =>
  `date_trunc('week', ${column} at time zone 'Europe/Stockholm')::date`

const SOURCES = [
  ['challenge_votes', 'user_id'],
  ['comments', 'author_id'],
  ['solutions', 'author_id'],
  ['challenges', 'author_id'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('weekly_active_users')
    .addColumn('week', 'date', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('weekly_active_users_pk', ['week', 'user_id'])
    .execute()
  await db.schema
    .createIndex('weekly_active_users_user')
    .on('weekly_active_users')
    .column('user_id')
    .execute()
  for (const [table, column] of SOURCES) {
    // The tables are empty on a new PostgreSQL database; kept so the body says what SQLite's does.
    await sql
      .raw(
        `insert into weekly_active_users (week, user_id)
         select ${WEEK('created_at')}, ${column} from ${table} where ${column} is not null
         on conflict do nothing`,
      )
      .execute(db)
    // One function per table: a trigger function cannot name new's column from an argument
    // without turning the whole row into JSON on every insert.
    await sql
      .raw(
        `create function ${table}_weekly_activity() returns trigger language plpgsql as $$
         begin
           insert into weekly_active_users (week, user_id)
           values (${WEEK('new.created_at')}, new.${column})
           on conflict do nothing;
           return null;
         end
         $$`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger ${table}_weekly_activity after insert on ${table}
         for each row when (new.${column} is not null)
         execute function ${table}_weekly_activity()`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of SOURCES) {
    await sql.raw(`drop trigger ${table}_weekly_activity on ${table}`).execute(db)
    await sql.raw(`drop function ${table}_weekly_activity()`).execute(db)
  }
  await db.schema.dropTable('weekly_active_users').execute()
}
