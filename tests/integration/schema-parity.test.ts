import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createDatabase, migrateToLatest, type DatabaseHandle } from '#db/connection'
import type { Database } from '#db/schema'

// Drift between the two bodies of each migration fails here: a fresh SQLite file and a fresh
// PostgreSQL database are migrated to the latest and their schemas compared, normalised to what
// both can say (names, nullability, type family, defaults, keys, indexes, foreign keys, checks,
// triggers). Needs an admin URL of a PostgreSQL server; the test makes and drops its own database.
const ADMIN_URL = process.env.UTMANA_TEST_PG_URL || inject('pgAdminUrl')

// Compared families, from each side's declared type.
type Family =
  'integer' | 'real' | 'text' | 'date-time' | 'boolean' | 'date' | 'bytes' | `other: ${string}`

const SQLITE_FAMILIES: Record<string, Family> = {
  integer: 'integer',
  real: 'real',
  text: 'text',
  blob: 'bytes',
}
const POSTGRES_FAMILIES: Record<string, Family> = {
  integer: 'integer',
  'double precision': 'real',
  text: 'text',
  'timestamp with time zone': 'date-time',
  boolean: 'boolean',
  date: 'date',
  bytea: 'bytes',
}

// SQLite keeps dates, days and booleans as text and integers; PostgreSQL has the native types.
// A SQLite `text` column is a date-time on PostgreSQL when its name ends in `_at`, or is one of
// these; no other column may differ in family.
const TIMES_NOT_NAMED_AT = ['users.banned_until']
const DAYS = ['weekly_active_users.week']
const BOOLEANS = ['fixed_answers.fixed']

/** PostgreSQL's family for a column whose SQLite family is `family`. */
function expectedFamily(table: string, column: string, family: Family): Family {
  const name = `${table}.${column}`
  if (family === 'text' && (column.endsWith('_at') || TIMES_NOT_NAMED_AT.includes(name))) {
    return 'date-time'
  }
  if (family === 'text' && DAYS.includes(name)) return 'date'
  if (family === 'integer' && BOOLEANS.includes(name)) return 'boolean'
  return family
}

// SQLite's `fixed in (0, 1)` is what PostgreSQL's boolean type says by itself.
const CHECKS_REPLACED_BY_TYPES: Record<string, number> = { fixed_answers: 1 }

// Tables that cannot match, left out of the comparison:
const EXCLUDED_TABLES = [
  // SQLite's counter for autoincrement ids; PostgreSQL's identity columns need no table.
  'sqlite_sequence',
  // Kysely's own bookkeeping, created by the migrator on each side.
  'kysely_migration',
  'kysely_migration_lock',
  // Search: an FTS5 virtual table on SQLite (with its shadow tables), a table with a tsvector
  // column on PostgreSQL. PostgreSQL's is checked on its own below.
  'challenges_fts',
]
const FTS5_SHADOW = /^challenges_fts_(data|idx|content|docsize|config)$/

interface Column {
  name: string
  notNull: boolean
  family: Family
  default: string | null
}
interface Index {
  name: string
  columns: string[]
  unique: boolean
  partial: boolean
}
interface ForeignKey {
  column: string
  references: string
  onDelete: string
}
interface Table {
  columns: Column[]
  primaryKey: string[]
  uniqueKeys: string[][]
  indexes: Index[]
  foreignKeys: ForeignKey[]
  checks: number
  triggers: string[]
}
type Schema = Record<string, Table>

/** `'member'::text` → `'member'`, `(strftime(…, 'now'))` and `now()` → `now`. */
function normalDefault(value: string | null): string | null {
  if (value === null) return null
  let text = value.trim()
  if (/^\(?strftime\(.*'now'\)\)?$/.test(text) || text === 'now()') return 'now'
  text = text.replace(/::[a-z ]+$/, '')
  while (/^\(.*\)$/.test(text)) text = text.slice(1, -1)
  return text
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)
const sortedKeys = (keys: string[][]) =>
  keys.map((k) => [...k].sort()).sort((a, b) => a.join().localeCompare(b.join()))
const byColumn = (a: ForeignKey, b: ForeignKey) =>
  `${a.column} ${a.references}`.localeCompare(`${b.column} ${b.references}`)

function readSqlite(handle: DatabaseHandle): Schema {
  const db = handle.sqlite!
  const objects = db
    .prepare(`select type, name, tbl_name, sql from sqlite_master where sql is not null`)
    .all() as { type: string; name: string; tbl_name: string; sql: string }[]
  const schema: Schema = {}
  for (const object of objects) {
    if (object.type !== 'table') continue
    if (EXCLUDED_TABLES.includes(object.name) || FTS5_SHADOW.test(object.name)) continue
    const table = object.name
    const info = db.pragma(`table_info("${table}")`) as {
      name: string
      type: string
      notnull: number
      dflt_value: string | null
      pk: number
    }[]
    const indexes = db.pragma(`index_list("${table}")`) as {
      name: string
      unique: number
      origin: 'c' | 'u' | 'pk'
      partial: number
    }[]
    const columnsOf = (index: string) =>
      (db.pragma(`index_info("${index}")`) as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name)
    const foreignKeys = db.pragma(`foreign_key_list("${table}")`) as {
      table: string
      from: string
      to: string
      on_delete: string
    }[]
    schema[table] = {
      columns: info
        .map((c) => ({
          name: c.name,
          // A primary key column cannot be null on PostgreSQL; SQLite lets a non-integer one
          // be null (a compatibility quirk), and an integer one is the rowid, never null.
          notNull: c.notnull === 1 || c.pk > 0,
          family: expectedFamily(
            table,
            c.name,
            SQLITE_FAMILIES[c.type.toLowerCase()] ?? `other: ${c.type}`,
          ),
          default: normalDefault(c.dflt_value),
        }))
        .sort(byName),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      uniqueKeys: sortedKeys(indexes.filter((i) => i.origin === 'u').map((i) => columnsOf(i.name))),
      indexes: indexes
        .filter((i) => i.origin === 'c')
        .map((i) => ({
          name: i.name,
          columns: columnsOf(i.name),
          unique: i.unique === 1,
          partial: i.partial === 1,
        }))
        .sort(byName),
      foreignKeys: foreignKeys
        .map((k) => ({
          column: k.from,
          references: `${k.table}.${k.to}`,
          onDelete: k.on_delete.toUpperCase(),
        }))
        .sort(byColumn),
      checks:
        (object.sql.match(/\bcheck\s*\(/gi)?.length ?? 0) - (CHECKS_REPLACED_BY_TYPES[table] ?? 0),
      triggers: objects
        .filter((o) => o.type === 'trigger' && o.tbl_name === table)
        .map((o) => o.name)
        .sort(),
    }
  }
  return schema
}

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
}

// Column names of an attribute-number array, in order.
const attnames = (relation: string, numbers: string) =>
  sql.raw(`array(select a.attname::text from unnest(${numbers}) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum order by k.ord)`)

async function readPostgres(db: Kysely<Database>, only?: string[]): Promise<Schema> {
  const tables = (
    await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
  ).rows
    .map((t) => t.table_name)
    .filter((t) => (only ? only.includes(t) : !EXCLUDED_TABLES.includes(t)))
  const columns = (
    await sql<{
      table_name: string
      column_name: string
      is_nullable: 'YES' | 'NO'
      data_type: string
      column_default: string | null
    }>`select table_name, column_name, is_nullable, data_type, column_default
      from information_schema.columns where table_schema = 'public'`.execute(db)
  ).rows
  const constraints = (
    await sql<{
      table: string
      type: 'p' | 'u' | 'f' | 'c'
      columns: string[]
      ref_table: string | null
      ref_columns: string[] | null
      on_delete: string
    }>`select t.relname as table, c.contype as type, ${attnames('c.conrelid', 'c.conkey')} as columns,
        r.relname as ref_table, ${attnames('c.confrelid', 'c.confkey')} as ref_columns,
        c.confdeltype as on_delete
      from pg_constraint c
      join pg_class t on t.oid = c.conrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_class r on r.oid = c.confrelid
      where n.nspname = 'public' and c.contype in ('p', 'u', 'f', 'c')`.execute(db)
  ).rows
  // Indexes that back a primary key or unique constraint are compared as those keys.
  const indexes = (
    await sql<{
      table: string
      name: string
      columns: string[]
      // Booleans are read back as 1/0, as on SQLite (db/postgres.ts).
      unique: number
      partial: number
    }>`select t.relname as table, i.relname as name, ${attnames('x.indrelid', 'x.indkey::int2[]')} as columns,
        x.indisunique as unique, x.indpred is not null as partial
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and not exists (select 1 from pg_constraint c
        where c.conindid = x.indexrelid and c.conrelid = x.indrelid and c.contype in ('p', 'u'))`.execute(
      db,
    )
  ).rows
  const triggers = (
    await sql<{ table: string; name: string }>`select t.relname as table, g.tgname as name
      from pg_trigger g join pg_class t on t.oid = g.tgrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and not g.tgisinternal`.execute(db)
  ).rows

  const schema: Schema = {}
  for (const table of tables) {
    const own = constraints.filter((c) => c.table === table)
    schema[table] = {
      columns: columns
        .filter((c) => c.table_name === table)
        .map((c) => ({
          name: c.column_name,
          notNull: c.is_nullable === 'NO',
          family: POSTGRES_FAMILIES[c.data_type] ?? (`other: ${c.data_type}` as const),
          default: normalDefault(c.column_default),
        }))
        .sort(byName),
      primaryKey: own.find((c) => c.type === 'p')?.columns ?? [],
      uniqueKeys: sortedKeys(own.filter((c) => c.type === 'u').map((c) => c.columns)),
      indexes: indexes
        .filter((i) => i.table === table)
        .map((i) => ({
          name: i.name,
          columns: i.columns,
          unique: i.unique === 1,
          partial: i.partial === 1,
        }))
        .sort(byName),
      foreignKeys: own
        .filter((c) => c.type === 'f')
        .flatMap((c) =>
          c.columns.map((column, n) => ({
            column,
            references: `${c.ref_table}.${c.ref_columns![n]}`,
            onDelete: ON_DELETE[c.on_delete] ?? c.on_delete,
          })),
        )
        .sort(byColumn),
      checks: own.filter((c) => c.type === 'c').length,
      triggers: triggers
        .filter((t) => t.table === table)
        .map((t) => t.name)
        .sort(),
    }
  }
  return schema
}

/** One aspect of every table, for a readable diff. */
const aspect = <K extends keyof Table>(schema: Schema, key: K) =>
  Object.fromEntries(
    Object.keys(schema)
      .sort()
      .map((table) => [table, schema[table]![key]]),
  )

describe.skipIf(!ADMIN_URL)(
  'SQLite and PostgreSQL schemas after every migration (set UTMANA_TEST_PG_URL, an admin URL of a PostgreSQL server, to run this; skipped without it)',
  () => {
    // Made in beforeAll: the describe body also runs when the suite is skipped.
    let dir: string
    const name = `utmana_parity_${process.pid}_${Date.now()}`
    let sqlite: DatabaseHandle
    let postgres: DatabaseHandle
    let lite: Schema
    let native: Schema

    async function admin(statement: string) {
      const client = new pg.Client({ connectionString: ADMIN_URL })
      await client.connect()
      try {
        await client.query(statement)
      } finally {
        await client.end()
      }
    }

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-parity-'))
      await admin(`create database ${name}`)
      const url = new URL(ADMIN_URL!)
      url.pathname = `/${name}`
      postgres = createDatabase(url.toString(), { poolSize: 2 })
      sqlite = createDatabase(`file:${path.join(dir, 'parity.sqlite')}`)
      await migrateToLatest(sqlite.db)
      await migrateToLatest(postgres.db)
      lite = readSqlite(sqlite)
      native = await readPostgres(postgres.db)
    })

    afterAll(async () => {
      await sqlite?.close()
      await postgres?.close()
      await admin(`drop database if exists ${name} with (force)`)
      if (dir) fs.rmSync(dir, { recursive: true, force: true })
    })

    it('has the same tables', () => {
      expect(Object.keys(native).sort()).toEqual(Object.keys(lite).sort())
      expect(Object.keys(lite).length).toBeGreaterThan(30)
    })

    it('has the same columns: names, nullability, type families and defaults', () => {
      expect(aspect(native, 'columns')).toEqual(aspect(lite, 'columns'))
    })

    it('has the same primary and unique keys', () => {
      expect(aspect(native, 'primaryKey')).toEqual(aspect(lite, 'primaryKey'))
      expect(aspect(native, 'uniqueKeys')).toEqual(aspect(lite, 'uniqueKeys'))
    })

    it('has the same indexes: names, columns, uniqueness, partial or not', () => {
      expect(aspect(native, 'indexes')).toEqual(aspect(lite, 'indexes'))
    })

    it('has the same foreign keys, with the same action on delete', () => {
      expect(aspect(native, 'foreignKeys')).toEqual(aspect(lite, 'foreignKeys'))
    })

    it('has as many check constraints on each table', () => {
      expect(aspect(native, 'checks')).toEqual(aspect(lite, 'checks'))
    })

    it('has the same triggers', () => {
      expect(aspect(native, 'triggers')).toEqual(aspect(lite, 'triggers'))
    })

    it('searches through a tsvector table with accents folded and words stemmed', async () => {
      const [fts] = Object.values(await readPostgres(postgres.db, ['challenges_fts']))
      expect(fts).toEqual({
        columns: [
          { name: 'body', notNull: true, family: 'text', default: null },
          { name: 'challenge_id', notNull: true, family: 'integer', default: null },
          // Generated (stored) from the title and the body: no default, never written.
          { name: 'document', notNull: false, family: 'other: tsvector', default: null },
          { name: 'title', notNull: true, family: 'text', default: null },
        ],
        primaryKey: ['challenge_id'],
        uniqueKeys: [],
        indexes: [
          { name: 'challenges_fts_document', columns: ['document'], unique: false, partial: false },
        ],
        foreignKeys: [{ column: 'challenge_id', references: 'challenges.id', onDelete: 'CASCADE' }],
        checks: 0,
        triggers: [],
      })
      const { rows } = await sql<{ stemmed: number; folded: number }>`select
        to_tsvector('utmana_sv', 'bussen') @@ plainto_tsquery('utmana_sv', 'buss') as stemmed,
        to_tsvector('utmana_en', 'café') @@ plainto_tsquery('utmana_en', 'cafe') as folded`.execute(
        postgres.db,
      )
      expect(rows).toEqual([{ stemmed: 1, folded: 1 }])
    })
  },
)
