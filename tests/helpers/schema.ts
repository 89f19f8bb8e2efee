import { sql } from 'kysely'
import { db } from '~/db.server'
import { onPostgres } from './setup'

// What tests that scan "every table" need to know about the schema, on either database: SQLite's
// catalogue and pragmas, or PostgreSQL's information_schema and pg_catalog. The migration
// bookkeeping tables (kysely_*) and SQLite's own (sqlite_*) are left out.

/**
 * How a column's values compare: numbers (SQLite's booleans among them, stored as 0/1), booleans
 * (PostgreSQL only), text (SQLite's untyped columns too, such as the FTS5 table's) or other
 * (timestamps, tsvector, …).
 */
export type ColumnKind = 'number' | 'boolean' | 'text' | 'other'

export interface Column {
  name: string
  kind: ColumnKind
}

/** Every table of the app, by name. On SQLite this includes FTS5's table and its shadow tables. */
export async function listTables(): Promise<string[]> {
  const rows = onPostgres
    ? await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'
          and table_name not like 'kysely\\_%'
        order by table_name`.execute(db)
    : await sql<{ name: string }>`
        select name from sqlite_master
        where type = 'table' and name not like 'sqlite\\_%' escape '\\'
          and name not like 'kysely\\_%' escape '\\'
        order by name`.execute(db)
  return rows.rows.map((r) => r.name)
}

const POSTGRES_NUMBERS = new Set([
  'smallint',
  'integer',
  'bigint',
  'real',
  'double precision',
  'numeric',
])
const POSTGRES_TEXT = new Set(['text', 'character varying', 'character'])

/** SQLite's type affinity rules (https://sqlite.org/datatype3.html, 3.1), as a kind. */
function sqliteKind(declared: string): ColumnKind {
  const type = declared.toUpperCase()
  if (type.includes('INT')) return 'number'
  if (type === '' || /CHAR|CLOB|TEXT/.test(type)) return 'text'
  if (/REAL|FLOA|DOUB|NUMERIC|DECIMAL/.test(type)) return 'number'
  return 'other'
}

/** A table's columns in their declared order. */
export async function listColumns(table: string): Promise<Column[]> {
  if (onPostgres) {
    const rows = await sql<{ name: string; type: string }>`
      select column_name as name, data_type as type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(db)
    return rows.rows.map((r) => ({
      name: r.name,
      kind: POSTGRES_NUMBERS.has(r.type)
        ? 'number'
        : r.type === 'boolean'
          ? 'boolean'
          : POSTGRES_TEXT.has(r.type)
            ? 'text'
            : 'other',
    }))
  }
  const rows = await sql<{ name: string; type: string }>`
    select name, type from pragma_table_info(${table}) order by cid`.execute(db)
  return rows.rows.map((r) => ({ name: r.name, kind: sqliteKind(r.type) }))
}

/** Every (table, column) with a foreign key to `target`, e.g. every column that refers to users. */
export async function foreignKeysTo(
  target: string,
): Promise<Array<{ table: string; column: string }>> {
  if (onPostgres) {
    const rows = await sql<{ table: string; column: string }>`
      select source.relname as "table", a.attname as "column"
      from pg_constraint c
      join pg_class source on source.oid = c.conrelid
      join pg_class referenced on referenced.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and referenced.relname = ${target}
        and source.relnamespace = current_schema()::regnamespace
      order by source.relname, a.attname`.execute(db)
    return rows.rows
  }
  const refs: Array<{ table: string; column: string }> = []
  for (const table of await listTables()) {
    const keys = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${table})`.execute(db)
    for (const key of keys.rows) if (key.table === target) refs.push({ table, column: key.from })
  }
  return refs.sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column))
}
