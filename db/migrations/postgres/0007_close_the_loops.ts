import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// Closing the loops (issue 9): notifications name what happened, so they get new kinds; an
// appeal's decision carries the moderator's note to the appellant, as a dispute's does.
//
// PostgreSQL body of 0007_close_the_loops: where SQLite rebuilds the notifications table to
// change its CHECK constraint, PostgreSQL replaces the constraint in place.
const KINDS = [
  'solution',
  'pledge',
  'progress',
  'status',
  'comment',
  // A moderator's public message without a change of status.
  'message',
  'official_response',
  'merged',
  'appeal_decided',
  'dispute_decided',
  // The challenge was given to a department (told to its followers) ...
  'routed',
  // ... to one of its people (told to that person) ...
  'assigned',
  // ... or to the department as a whole (told to its members).
  'inbox',
  'pledge_done',
  'fixed_question',
]

const OLD_KINDS = ['solution', 'pledge', 'progress', 'status', 'comment']

// The name PostgreSQL gave the column's check in 0002.
async function replaceKindCheck(db: Kysely<any>, kinds: string[]) {
  await sql`alter table notifications
    drop constraint notifications_kind_check,
    add constraint notifications_kind_check
      check (kind in (${sql.join(kinds.map((k) => sql.lit(k)))}))`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  await replaceKindCheck(db, KINDS)

  await db.schema.alterTable('appeals').addColumn('decision_note', 'text').execute()
  // The department inbox puts what is assigned to the reader personally first.
  await db.schema
    .createIndex('challenges_contact')
    .on('challenges')
    .column('contact_user_id')
    .where(sql.ref('contact_user_id'), 'is not', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('challenges_contact').ifExists().execute()
  await db.schema.alterTable('appeals').dropColumn('decision_note').execute()
  // Rows of the new kinds cannot go back under the old constraint.
  await db.deleteFrom('notifications').where('kind', 'not in', OLD_KINDS).execute()
  await replaceKindCheck(db, OLD_KINDS)
}
