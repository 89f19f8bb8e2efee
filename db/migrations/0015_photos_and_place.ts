import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect'

// Frozen once landed: never import app code here, never edit after it ships.
// Photos and place (issue 13).
//
// - `photos`: one row per photo, on a challenge, a solution or a pledge's progress update (at
//   most one of the three; none while it is a draft: uploaded with a form that has not been
//   posted yet). `key` is the unguessable name in its URLs. `gps_lat`/`gps_lng` are where the
//   upload says it was taken, kept only while it is a draft so the author can be asked whether
//   to use them; attaching the photo clears them.
// - `photo_variants`: the processed images (sizes × WebP/JPEG), stored in the database so that
//   backups, db:copy and several processes need nothing more.
// - `challenges.place_text`: the place in words; `lat`/`lng` (0002) get filled now.
// - flags and appeals may name a photo.
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const pg = dialect === 'postgres'
  const time = pg ? 'timestamptz' : 'text'
  const real = pg ? 'double precision' : 'real'
  const now = pg ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`

  await db.schema.alterTable('challenges').addColumn('place_text', 'text').execute()

  await db.schema
    .createTable('photos')
    .addColumn('id', 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('challenge_id', 'integer', (c) => c.references('challenges.id').onDelete('cascade'))
    .addColumn('solution_id', 'integer', (c) => c.references('solutions.id').onDelete('cascade'))
    .addColumn('pledge_update_id', 'integer', (c) =>
      c.references('pledge_updates.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alt_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text')
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('gps_lat', real)
    .addColumn('gps_lng', real)
    .addColumn('hidden_at', time)
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attached_at', time)
    .addColumn('created_at', time, (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('photos_challenge')
    .on('photos')
    .columns(['challenge_id', 'position'])
    .execute()
  await db.schema.createIndex('photos_solution').on('photos').column('solution_id').execute()
  await db.schema.createIndex('photos_update').on('photos').column('pledge_update_id').execute()
  await db.schema
    .createIndex('photos_user')
    .on('photos')
    .columns(['user_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('photo_variants')
    .addColumn('photo_id', 'integer', (c) =>
      c.notNull().references('photos.id').onDelete('cascade'),
    )
    .addColumn('size', 'text', (c) => c.notNull().check(sql`size in ('card', 'page', 'full')`))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('webp', 'jpeg')`))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_length', 'integer', (c) => c.notNull())
    .addColumn('bytes', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_variants_pk', ['photo_id', 'size', 'format'])
    .execute()

  const before = `subject_type in ('challenge', 'solution', 'comment')`
  const after = `subject_type in ('challenge', 'solution', 'comment', 'photo')`
  for (const table of ['flags', 'appeals']) {
    if (pg) {
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(`${table}_subject_type_check`)}`.execute(
        db,
      )
      await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_subject_type_check`)} check (${sql.raw(after)})`.execute(
        db,
      )
    } else {
      await rebuildSqliteTable(db, table, (ddl) => {
        if (!ddl.includes(before)) throw new Error(`${table}: its subject_type check was not found`)
        return ddl.replace(before, after)
      })
    }
  }
}

/**
 * SQLite cannot change a CHECK constraint: the table is created again under a new name with
 * the changed definition, filled, and put in place of the old one with its indexes (SQLite's
 * documented twelve-step way, inside the migration's transaction). Nothing references these
 * tables and they have no triggers, which the function checks.
 */
async function rebuildSqliteTable(
  db: Kysely<any>,
  table: string,
  change: (ddl: string) => string,
): Promise<void> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db)
  const ddl = rows.rows.find((r) => r.type === 'table')?.sql
  if (!ddl) throw new Error(`${table}: no such table`)
  if (rows.rows.some((r) => r.type === 'trigger')) throw new Error(`${table} has triggers`)
  const indexes = rows.rows.filter((r) => r.type === 'index' && r.sql).map((r) => r.sql!)
  const temporary = `${table}_rebuilt`
  const created = change(ddl).replace(
    /^CREATE TABLE\s+("?)[A-Za-z_]+\1/i,
    `create table "${temporary}"`,
  )
  await sql.raw(created).execute(db)
  await sql`insert into ${sql.table(temporary)} select * from ${sql.table(table)}`.execute(db)
  await sql`drop table ${sql.table(table)}`.execute(db)
  await sql`alter table ${sql.table(temporary)} rename to ${sql.table(table)}`.execute(db)
  for (const index of indexes) await sql.raw(index).execute(db)
}
