import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// Closing the loops (issue 9): notifications name what happened, so they get new kinds; an
// appeal's decision carries the moderator's note to the appellant, as a dispute's does.
//
// SQLite cannot change a CHECK constraint in place: the notifications table is rebuilt with the
// longer list of kinds and its rows copied over.
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

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
  await db.schema
    .createTable('notifications_new')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in (${sql.join(KINDS.map((k) => sql.lit(k)))})`),
    )
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await sql`insert into notifications_new
    (id, user_id, challenge_id, actor_id, kind, payload, read_at, emailed_at, created_at)
    select id, user_id, challenge_id, actor_id, kind, payload, read_at, emailed_at, created_at
    from notifications`.execute(db)
  await db.schema.dropTable('notifications').execute()
  await sql`alter table notifications_new rename to notifications`.execute(db)
  await db.schema
    .createIndex('notifications_user_unread')
    .on('notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute()
  await db.schema
    .createIndex('notifications_unemailed')
    .on('notifications')
    .columns(['emailed_at', 'user_id'])
    .execute()

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
  await db
    .deleteFrom('notifications')
    .where('kind', 'not in', ['solution', 'pledge', 'progress', 'status', 'comment'])
    .execute()
}
