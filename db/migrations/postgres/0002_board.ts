import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// Challenges, solutions, pledges, votes, comments, follows, flags, notifications, search.
// PostgreSQL body of 0002_board (see 0001 for the types); search is a tsvector table, below.
// Content is in Swedish or English: a document is indexed with both stemmers.
const SEARCH_CONFIGS = [
  ['utmana_sv', 'swedish', 'swedish_stem'],
  ['utmana_en', 'english', 'english_stem'],
] as const

export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`

  await db.schema
    .alterTable('users')
    .addColumn('email_frequency', 'text', (c) =>
      c
        .notNull()
        .defaultTo('daily')
        .check(sql`email_frequency in ('immediate', 'daily', 'weekly', 'never')`),
    )
    .execute()
  await db.schema.alterTable('users').addColumn('unsubscribe_token', 'text').execute()
  await db.schema.alterTable('users').addColumn('last_digest_at', 'timestamptz').execute()
  await db.schema
    .createIndex('users_unsubscribe_token')
    .unique()
    .on('users')
    .column('unsubscribe_token')
    .execute()

  await db.schema
    .createTable('challenges')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description_md', 'text', (c) => c.notNull())
    .addColumn('description_html', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('areas.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('poster_kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`poster_kind in ('resident', 'business', 'association', 'municipality')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('pending', 'open', 'in_progress', 'solved', 'closed', 'rejected')`),
    )
    .addColumn('closed_reason', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('solution_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pledge_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follower_count', 'integer', (c) => c.notNull().defaultTo(0))
    // log10(votes) + created/45000 s: rises with votes, decays by age without recomputing.
    .addColumn('hot', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'text')
    .addColumn('edited_at', 'timestamptz')
    .addColumn('solved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  for (const [name, columns] of [
    ['challenges_created', ['created_at', 'id']],
    ['challenges_votes', ['vote_count', 'id']],
    ['challenges_hot', ['hot', 'id']],
    ['challenges_status_created', ['status', 'created_at']],
    ['challenges_category_created', ['category_id', 'created_at']],
    ['challenges_area_created', ['area_id', 'created_at']],
    ['challenges_poster_kind_created', ['poster_kind', 'created_at']],
    ['challenges_author', ['author_id']],
    ['challenges_organisation', ['organisation_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('challenges')
      .columns([...columns])
      .execute()
  }

  await db.schema
    .createTable('challenge_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description_md', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('area_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('challenge_revisions_challenge')
    .on('challenge_revisions')
    .column('challenge_id')
    .execute()

  await db.schema
    .createTable('challenge_status_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('challenge_status_history_challenge')
    .on('challenge_status_history')
    .column('challenge_id')
    .execute()

  await db.schema
    .createTable('solutions')
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
    .addColumn('vote_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'text')
    .addColumn('edited_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('solutions_challenge')
    .on('solutions')
    .column('challenge_id')
    .execute()
  await db.schema.createIndex('solutions_author').on('solutions').column('author_id').execute()
  await db.schema
    .createIndex('solutions_organisation')
    .on('solutions')
    .column('organisation_id')
    .execute()

  await db.schema
    .createTable('solution_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('solution_id', 'integer', (c) =>
      c.notNull().references('solutions.id').onDelete('cascade'),
    )
    .addColumn('editor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('solution_revisions_solution')
    .on('solution_revisions')
    .column('solution_id')
    .execute()

  await db.schema
    .createTable('pledges')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'withdrawn', 'completed')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('pledges_challenge').on('pledges').column('challenge_id').execute()
  await db.schema.createIndex('pledges_user').on('pledges').column('user_id').execute()
  await db.schema
    .createIndex('pledges_organisation')
    .on('pledges')
    .column('organisation_id')
    .execute()

  await db.schema
    .createTable('pledge_updates')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('pledge_id', 'integer', (c) =>
      c.notNull().references('pledges.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('pledge_updates_pledge')
    .on('pledge_updates')
    .column('pledge_id')
    .execute()

  // One vote per user per target, enforced by the primary key.
  await db.schema
    .createTable('challenge_votes')
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('challenge_votes_pk', ['challenge_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('challenge_votes_user')
    .on('challenge_votes')
    .column('user_id')
    .execute()

  await db.schema
    .createTable('solution_votes')
    .addColumn('solution_id', 'integer', (c) =>
      c.notNull().references('solutions.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('solution_votes_pk', ['solution_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('solution_votes_user')
    .on('solution_votes')
    .column('user_id')
    .execute()

  await db.schema
    .createTable('comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('solution_id', 'integer', (c) => c.references('solutions.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_reason', 'text')
    .addColumn('edited_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('comments_challenge')
    .on('comments')
    .columns(['challenge_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('comments_author')
    .on('comments')
    .columns(['author_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('follows')
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('follows_pk', ['challenge_id', 'user_id'])
    .execute()
  await db.schema.createIndex('follows_user').on('follows').column('user_id').execute()

  await db.schema
    .createTable('flags')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type in ('challenge', 'solution', 'comment')`),
    )
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('flags_one_per_user')
    .unique()
    .on('flags')
    .columns(['subject_type', 'subject_id', 'user_id'])
    .execute()
  await db.schema
    .createIndex('flags_open')
    .on('flags')
    .columns(['resolved_at', 'challenge_id'])
    .execute()

  // Who solved a challenge: the accepted solutions and the organisations credited.
  await db.schema
    .createTable('challenge_solvers')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('solution_id', 'integer', (c) => c.references('solutions.id').onDelete('set null'))
    .addColumn('organisation_id', 'integer', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('challenge_solvers_challenge')
    .on('challenge_solvers')
    .column('challenge_id')
    .execute()
  await db.schema
    .createIndex('challenge_solvers_organisation')
    .on('challenge_solvers')
    .column('organisation_id')
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('challenge_id', 'integer', (c) =>
      c.notNull().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('solution', 'pledge', 'progress', 'status', 'comment')`),
    )
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('read_at', 'timestamptz')
    .addColumn('emailed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute()
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

  // Full-text search over each challenge's title, description and solutions. Where SQLite's FTS5
  // folds diacritics (unicode61), PostgreSQL folds them with unaccent before the stemmer, in one
  // configuration per language of the content: "bussen" finds "buss", "oppet" finds "öppet".
  // The title weighs more than the body (A over B), as bm25(5, 1) weighs it on SQLite.
  await sql`create extension if not exists unaccent`.execute(db)
  for (const [config, base, stemmer] of SEARCH_CONFIGS) {
    await sql`create text search configuration ${sql.id(config)} (copy = ${sql.raw(base)})`.execute(
      db,
    )
    await sql`alter text search configuration ${sql.id(config)}
      alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
      with unaccent, ${sql.raw(stemmer)}`.execute(db)
  }
  await db.schema
    .createTable('challenges_fts')
    .addColumn('challenge_id', 'integer', (c) =>
      c.primaryKey().references('challenges.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('utmana_sv', title), 'A')
        || setweight(to_tsvector('utmana_en', title), 'A')
        || setweight(to_tsvector('utmana_sv', body), 'B')
        || setweight(to_tsvector('utmana_en', body), 'B')`,
        )
        .stored(),
    )
    .execute()
  await db.schema
    .createIndex('challenges_fts_document')
    .on('challenges_fts')
    .using('gin')
    .column('document')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('challenges_fts').ifExists().execute()
  for (const [config] of SEARCH_CONFIGS) {
    await sql`drop text search configuration if exists ${sql.id(config)}`.execute(db)
  }
  // unaccent stays: other schemas in the same database may use the extension.
  for (const table of [
    'notifications',
    'challenge_solvers',
    'flags',
    'follows',
    'comments',
    'solution_votes',
    'challenge_votes',
    'pledge_updates',
    'pledges',
    'solution_revisions',
    'solutions',
    'challenge_status_history',
    'challenge_revisions',
    'challenges',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await db.schema.dropIndex('users_unsubscribe_token').ifExists().execute()
  for (const column of ['last_digest_at', 'unsubscribe_token', 'email_frequency']) {
    await db.schema.alterTable('users').dropColumn(column).execute()
  }
}
