import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0003_moderation (see 0001 for the types).
// Triage (routing, priority, notes, official responses, merges), appeals, reply templates.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`

  for (const [column, type, build] of [
    ['department_id', 'integer', (c: any) => c.references('organisations.id').onDelete('set null')],
    ['contact_user_id', 'integer', (c: any) => c.references('users.id').onDelete('set null')],
    [
      'priority',
      'text',
      (c: any) =>
        c
          .notNull()
          .defaultTo('normal')
          .check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
    ],
    ['first_response_at', 'timestamptz', (c: any) => c],
    ['merged_into_id', 'integer', (c: any) => c.references('challenges.id').onDelete('set null')],
    // Bumped by every moderator change: a form carrying an older version is stale.
    ['version', 'integer', (c: any) => c.notNull().defaultTo(0)],
  ] as const) {
    await db.schema.alterTable('challenges').addColumn(column, type, build).execute()
  }
  await db.schema
    .createIndex('challenges_department')
    .on('challenges')
    .column('department_id')
    .execute()
  await db.schema.createIndex('challenges_updated').on('challenges').column('updated_at').execute()

  await db.schema
    .alterTable('flags')
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.alterTable('flags').addColumn('resolution', 'text').execute()

  await db.schema
    .createTable('internal_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('internal_notes_challenge')
    .on('internal_notes')
    .column('challenge_id')
    .execute()

  await db.schema
    .createTable('official_responses')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('official_responses_challenge')
    .on('official_responses')
    .column('challenge_id')
    .execute()

  // One appeal per hidden post, by its author.
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type in ('challenge', 'solution', 'comment')`),
    )
    .addColumn('subject_id', 'integer', (c) => c.notNull())
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
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('appeals_one_per_post')
    .unique()
    .on('appeals')
    .columns(['subject_type', 'subject_id'])
    .execute()
  await db.schema.createIndex('appeals_status').on('appeals').column('status').execute()

  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body_sv', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()

  // Who else has seen the page: the audit log gets an index by time for /moderation/log.
  await db.schema.createIndex('audit_log_created').on('audit_log').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_created').ifExists().execute()
  for (const table of ['reply_templates', 'appeals', 'official_responses', 'internal_notes']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  for (const column of ['resolution', 'resolved_by']) {
    await db.schema.alterTable('flags').dropColumn(column).execute()
  }
  await db.schema.dropIndex('challenges_updated').ifExists().execute()
  await db.schema.dropIndex('challenges_department').ifExists().execute()
  for (const column of [
    'version',
    'merged_into_id',
    'first_response_at',
    'priority',
    'contact_user_id',
    'department_id',
  ]) {
    await db.schema.alterTable('challenges').dropColumn(column).execute()
  }
}
