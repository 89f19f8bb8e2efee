import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// Who was active in which week (posted a challenge, a solution or a comment, or voted), kept up
// to date by triggers, so the reports count active people per week without a distinct count
// over every vote. A withdrawn vote still means the person was active that week.
//
// Weeks are the town's (Europe/Stockholm, Monday 00:00 local), as the reports count them.
// SQLite has no time zones, so the offset follows the EU rule in force since 1996: summer time
// (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC,
// otherwise UTC+1. The last Sunday of a month is the first Sunday on or after its 25th.
const OFFSET = (column: string) =>
  `case when ${column} >= date(substr(${column}, 1, 4) || '-03-25', 'weekday 0') || 'T01:00:00'
     and ${column} < date(substr(${column}, 1, 4) || '-10-25', 'weekday 0') || 'T01:00:00'
   then '+2 hours' else '+1 hours' end`
const WEEK = (column: string) => `date(${column}, ${OFFSET(column)}, 'weekday 0', '-6 days')`

const SOURCES = [
  ['challenge_votes', 'user_id'],
  ['comments', 'author_id'],
  ['solutions', 'author_id'],
  ['challenges', 'author_id'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table weekly_active_users (
      week text not null,
      user_id integer not null references users (id) on delete cascade,
      primary key (week, user_id)
    ) without rowid`.execute(db)
  await db.schema
    .createIndex('weekly_active_users_user')
    .on('weekly_active_users')
    .column('user_id')
    .execute()
  for (const [table, column] of SOURCES) {
    await sql
      .raw(
        `insert or ignore into weekly_active_users (week, user_id)
         select ${WEEK('created_at')}, ${column} from ${table} where ${column} is not null`,
      )
      .execute(db)
    await sql
      .raw(
        `create trigger ${table}_weekly_activity after insert on ${table}
         when new.${column} is not null
         begin
           insert or ignore into weekly_active_users (week, user_id)
           values (${WEEK('new.created_at')}, new.${column});
         end`,
      )
      .execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table] of SOURCES) await sql.raw(`drop trigger ${table}_weekly_activity`).execute(db)
  await db.schema.dropTable('weekly_active_users').execute()
}
