import fs from 'node:fs'
import type SQLite from 'better-sqlite3'
import { Presets, SingleBar } from 'cli-progress'
import type pg from 'pg'
import { args, run } from './cli'
import {
  createDatabase,
  DEFAULT_DATABASE_URL,
  migrateToLatest,
  openSqlite,
  sqlitePathFromUrl,
} from './connection'
import { dialectOf } from './dialect'
import { migrationsFor } from './migrations'
import { createPostgresPool } from './postgres'

/**
 * `npm run db:copy -- --to postgres://…`: moves a SQLite site (DATABASE_URL, or --from) into an
 * empty PostgreSQL database, in one transaction on the target, then checks that row counts and
 * counters match. Tables and columns come from both schemas, so a new migration is copied
 * without changing this file.
 */

const usage = 'Usage: npm run db:copy -- --to postgres://… [--from file:…]'

/** Transient rate-limit counters are not worth moving; Kysely's tables come from migrating. */
const SKIPPED = new Set(['rate_limits'])
const isAppTable = (name: string) =>
  !SKIPPED.has(name) && !name.startsWith('kysely_') && !name.startsWith('sqlite_')

// A batch is one INSERT … SELECT FROM json_populate_recordset($1): one parameter whatever the
// column count (a multi-row VALUES list stops at 65,535 parameters), and every value goes through
// its column type's input function: ISO text → timestamptz, 0/1 → boolean, '2026-01-26' → date.
const BATCH_ROWS = 5000
const BATCH_BYTES = 8 * 1024 * 1024

interface SourceTable {
  name: string
  /** WITHOUT ROWID tables have no rowid to order or key by. */
  withoutRowid: boolean
  columns: string[]
}

interface TargetTable {
  name: string
  /** Columns a copy may write (generated columns excluded), with their types. */
  columns: Map<string, string>
  primaryKey: string[]
  identity: string | undefined
  /** Foreign keys: column → referenced table and column (single-column keys). */
  references: { column: string; table: string; refColumn: string }[]
  hasUserTriggers: boolean
}

/** One copied table: which source expression fills which target column. */
interface Plan {
  table: string
  source: SourceTable
  /** target column → source SQL expression */
  columns: [string, string][]
  overriding: boolean
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** The URL without its password, for messages. */
function redact(url: string) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.split('@').pop() ?? url
  }
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describeError(error.errors[0])
  if (error instanceof Error) return error.message || (error as { code?: string }).code || 'error'
  return String(error)
}

// ---------------------------------------------------------------------------------------------
// Source (SQLite)

function sourceTables(sqlite: SQLite.Database): SourceTable[] {
  const list = sqlite.pragma('table_list') as {
    schema: string
    name: string
    type: string
    wr: number
  }[]
  return list
    .filter((t) => t.schema === 'main' && (t.type === 'table' || t.type === 'virtual'))
    .filter((t) => isAppTable(t.name))
    .map((t) => ({
      name: t.name,
      withoutRowid: t.wr === 1,
      // table_info leaves out hidden and generated columns: neither holds data of its own.
      columns: (sqlite.pragma(`table_info(${quote(t.name)})`) as { name: string }[]).map(
        (c) => c.name,
      ),
    }))
}

function sourceMigrations(sqlite: SQLite.Database): string[] {
  const exists = sqlite
    .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
    .get()
  if (!exists) return []
  return (
    sqlite.prepare('select name from kysely_migration order by name').all() as {
      name: string
    }[]
  ).map((r) => r.name)
}

function checkSourceMigrated(applied: string[]) {
  const latest = Object.keys(migrationsFor('sqlite')).sort()
  const unknown = applied.filter((name) => !latest.includes(name))
  if (unknown.length)
    throw new Error(
      `The source has migrations this version does not know (${unknown.join(', ')}); copy it with the version that wrote them.`,
    )
  const missing = latest.filter((name) => !applied.includes(name))
  if (missing.length)
    throw new Error(
      `The source is not migrated to the latest migration (${applied.at(-1) ?? 'none applied'}; latest is ${latest.at(-1)}): run npm run db:migrate on it first.`,
    )
}

// ---------------------------------------------------------------------------------------------
// Target (PostgreSQL)

async function targetTables(client: pg.PoolClient): Promise<Map<string, TargetTable>> {
  const tables = new Map<string, TargetTable>()
  const { rows: columns } = await client.query<{
    table_name: string
    column_name: string
    data_type: string
    is_generated: string
    is_identity: string
    column_default: string | null
  }>(`
    select c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity, c.column_default
    from information_schema.columns c
    join information_schema.tables t using (table_schema, table_name)
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`)
  for (const c of columns) {
    if (!isAppTable(c.table_name)) continue
    let table = tables.get(c.table_name)
    if (!table) {
      table = {
        name: c.table_name,
        columns: new Map(),
        primaryKey: [],
        identity: undefined,
        references: [],
        hasUserTriggers: false,
      }
      tables.set(c.table_name, table)
    }
    if (c.is_generated === 'ALWAYS') continue
    table.columns.set(c.column_name, c.data_type)
    if (c.is_identity === 'YES' || c.column_default?.startsWith('nextval(')) {
      table.identity = c.column_name
    }
  }
  const { rows: constraints } = await client.query<{
    table_name: string
    contype: 'p' | 'f'
    columns: string[]
    ref_table: string | null
    ref_columns: string[] | null
  }>(`
    select rel.relname as table_name, con.contype,
      array(select attname from unnest(con.conkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i)::text[]
        as columns,
      ref.relname as ref_table,
      array(select attname from unnest(con.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i)::text[]
        as ref_columns
    from pg_constraint con
    join pg_class rel on rel.oid = con.conrelid
    left join pg_class ref on ref.oid = con.confrelid
    where con.contype in ('p', 'f') and rel.relnamespace = current_schema()::regnamespace`)
  for (const c of constraints) {
    const table = tables.get(c.table_name)
    if (!table) continue
    if (c.contype === 'p') table.primaryKey = c.columns
    else if (c.ref_table && isAppTable(c.ref_table)) {
      if (c.columns.length !== 1)
        throw new Error(`${c.table_name}: multi-column foreign keys are not supported by db:copy`)
      table.references.push({
        column: c.columns[0]!,
        table: c.ref_table,
        refColumn: c.ref_columns![0]!,
      })
    }
  }
  const { rows: triggers } = await client.query<{ table_name: string }>(`
    select distinct rel.relname as table_name
    from pg_trigger tg join pg_class rel on rel.oid = tg.tgrelid
    where not tg.tgisinternal and rel.relnamespace = current_schema()::regnamespace`)
  for (const t of triggers) {
    const table = tables.get(t.table_name)
    if (table) table.hasUserTriggers = true
  }
  return tables
}

async function tablesWithRows(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`)
  const names = rows.map((r) => r.table_name).filter(isAppTable)
  if (!names.length) return []
  const { rows: filled } = await client.query<{ name: string }>(
    names
      .map(
        (name) =>
          `select ${client.escapeLiteral(name)} as name where exists (select from ${quote(name)})`,
      )
      .join(' union all '),
  )
  return filled.map((r) => r.name)
}

async function targetMigrations(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    'select name from kysely_migration order by name',
  )
  return rows.map((r) => r.name)
}

/**
 * Secondary indexes and foreign keys, as SQL that drops them and SQL that builds them again.
 * Building an index once over loaded rows, and checking a foreign key with one join, is much
 * faster than keeping them row by row (pg_restore loads in the same order).
 */
async function buildLater(client: pg.PoolClient) {
  const { rows } = await client.query<{ table_name: string; drop: string; create: string }>(`
    select rel.relname as table_name,
      format('alter table %I drop constraint %I', rel.relname, con.conname) as drop,
      format('alter table %I add constraint %I %s', rel.relname, con.conname,
             pg_get_constraintdef(con.oid)) as create
    from pg_constraint con join pg_class rel on rel.oid = con.conrelid
    where con.contype = 'f' and rel.relnamespace = current_schema()::regnamespace
    union all
    select rel.relname, format('drop index %I', idx.relname), pg_get_indexdef(i.indexrelid)
    from pg_index i
    join pg_class idx on idx.oid = i.indexrelid
    join pg_class rel on rel.oid = i.indrelid
    where rel.relnamespace = current_schema()::regnamespace
      and not exists (select from pg_constraint c
                      where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))`)
  // Foreign keys come first in the list: dropped before the indexes, added after them.
  const kept = rows.filter((r) => isAppTable(r.table_name))
  return { drop: kept.map((r) => r.drop), create: kept.map((r) => r.create).reverse() }
}

// ---------------------------------------------------------------------------------------------
// Planning

/**
 * Parents before children. The foreign keys themselves are dropped for the load and checked when
 * added back (see buildLater), so self-references (challenges.merged_into_id, comments.parent_id)
 * and any future cycle need no special order; this order keeps the summary readable and the
 * copy correct should a key ever stay in place.
 */
function foreignKeyOrder(tables: Map<string, TargetTable>, names: string[]): string[] {
  const waiting = new Map(
    names.map((name) => [
      name,
      new Set(
        tables
          .get(name)!
          .references.map((r) => r.table)
          .filter((parent) => parent !== name && names.includes(parent)),
      ),
    ]),
  )
  const order: string[] = []
  while (waiting.size) {
    const ready = [...waiting].filter(([, parents]) => parents.size === 0).map(([name]) => name)
    // A cycle: take the rest by name (their keys are checked when added back).
    if (!ready.length) ready.push(...waiting.keys())
    for (const name of ready.sort()) {
      order.push(name)
      waiting.delete(name)
      for (const parents of waiting.values()) parents.delete(name)
    }
  }
  return order
}

function plan(source: SourceTable, target: TargetTable): Plan {
  const columns: [string, string][] = []
  for (const column of source.columns) {
    if (!target.columns.has(column))
      throw new Error(
        `Source column ${source.name}.${column} has no column in the target; is the target migrated by the same version?`,
      )
    columns.push([column, quote(column)])
  }
  // SQLite's FTS5 table keys its rows by rowid; PostgreSQL's challenges_fts by challenge_id,
  // its primary key. Any single-column primary key the source lacks is filled from the rowid.
  const [key, ...rest] = target.primaryKey
  if (key && !rest.length && !source.columns.includes(key)) {
    if (source.withoutRowid) throw new Error(`${source.name}: no rowid to fill ${key} from`)
    columns.push([key, 'rowid'])
  }
  return {
    table: target.name,
    source,
    columns,
    overriding: target.identity !== undefined && columns.some(([c]) => c === target.identity),
  }
}

// ---------------------------------------------------------------------------------------------
// Copying

interface Progress {
  increment(rows: number, table: string): void
}

async function copyTable(
  sqlite: SQLite.Database,
  client: pg.PoolClient,
  p: Plan,
  progress: Progress,
) {
  const target = quote(p.table)
  const names = p.columns.map(([c]) => quote(c)).join(', ')
  const insert =
    `insert into ${target} (${names})${p.overriding ? ' overriding system value' : ''} ` +
    `select ${names} from json_populate_recordset(null::${target}, $1::json)`

  const order = p.source.withoutRowid ? '' : ' order by rowid'
  const select = `select ${p.columns.map(([c, expr]) => `${expr} as ${quote(c)}`).join(', ')} from ${quote(p.source.name)}${order}`

  let pending: Promise<unknown> | undefined
  const send = async (batch: string[]) => {
    const rows = batch.length
    const json = `[${batch.join(',')}]`
    if (pending) await pending
    pending = client.query(insert, [json]).then(() => progress.increment(rows, p.table))
    // Awaited before the next batch is sent; this only keeps Node from calling it unhandled
    // while the next batch is read.
    pending.catch(() => {})
  }

  let batch: string[] = []
  let bytes = 0
  for (const row of sqlite.prepare(select).iterate() as IterableIterator<Record<string, unknown>>) {
    // A blob (a photo's bytes) travels as bytea's hex text; JSON has no bytes.
    for (const [column, value] of Object.entries(row)) {
      if (Buffer.isBuffer(value)) row[column] = `\\x${value.toString('hex')}`
    }
    const text = JSON.stringify(row)
    batch.push(text)
    bytes += text.length
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      await send(batch)
      batch = []
      bytes = 0
    }
  }
  if (batch.length) await send(batch)
  if (pending) await pending
}

/** Every identity (or serial) column continues after the highest copied id. */
async function resetSequences(client: pg.PoolClient, tables: TargetTable[]) {
  let count = 0
  for (const t of tables) {
    if (!t.identity) continue
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2),
         coalesce((select max(${quote(t.identity)}) from ${quote(t.name)}), 0) + 1, false)`,
      [quote(t.name), t.identity],
    )
    count++
  }
  return count
}

// ---------------------------------------------------------------------------------------------
// Checking

interface Metric {
  label: string
  /** Set on a table's row count. */
  rowsOf?: string
  sqlite: string
  postgres: string
}

/** Row counts per table, and the sum of every `…_count` counter column. */
function metrics(plans: Plan[], tables: Map<string, TargetTable>): Metric[] {
  const list: Metric[] = []
  for (const p of plans) {
    list.push({
      label: `${p.table} rows`,
      rowsOf: p.table,
      sqlite: `select count(*) as n from ${quote(p.source.name)}`,
      postgres: `select count(*) as n from ${quote(p.table)}`,
    })
    for (const [column, type] of tables.get(p.table)!.columns) {
      if (!column.endsWith('_count') || !/int|numeric/.test(type)) continue
      if (!p.source.columns.includes(column)) continue
      list.push({
        label: `${p.table}.${column} (sum)`,
        sqlite: `select coalesce(sum(${quote(column)}), 0) as n from ${quote(p.source.name)}`,
        postgres: `select coalesce(sum(${quote(column)}), 0) as n from ${quote(p.table)}`,
      })
    }
  }
  return list
}

function sourceValues(sqlite: SQLite.Database, list: Metric[]) {
  return list.map((m) => Number((sqlite.prepare(m.sqlite).get() as { n: number }).n))
}

async function targetValues(client: pg.PoolClient, list: Metric[]) {
  const values: number[] = []
  // One round trip for all of them.
  const { rows } = await client.query<{ i: number; n: string }>(
    list.map((m, i) => `select ${i} as i, (${m.postgres}) as n`).join(' union all '),
  )
  for (const r of rows) values[r.i] = Number(r.n)
  return values
}

function comparison(list: Metric[], source: number[], target: number[]) {
  const width = Math.max(...list.map((m) => m.label.length), 6)
  const lines = [`${'check'.padEnd(width)}  ${'SQLite'.padStart(10)}  ${'PostgreSQL'.padStart(10)}`]
  let differences = 0
  list.forEach((m, i) => {
    const same = source[i] === target[i]
    if (!same) differences++
    lines.push(
      `${m.label.padEnd(width)}  ${String(source[i]).padStart(10)}  ${String(target[i]).padStart(10)}${same ? '' : '  DIFFERS'}`,
    )
  })
  return { text: lines.join('\n'), differences }
}

// ---------------------------------------------------------------------------------------------

run(async () => {
  const { values } = args({ to: { type: 'string' }, from: { type: 'string' } })
  const to = values.to
  if (!to) throw new Error(usage)
  if (dialectOf(to) !== 'postgres')
    throw new Error(`--to must be a postgres:// URL (got ${redact(to)}).\n${usage}`)
  const from = values.from ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  if (!from.startsWith('file:') || dialectOf(from) !== 'sqlite' || from === 'file::memory:')
    throw new Error(
      `The source must be a SQLite file: URL (DATABASE_URL or --from; got ${redact(from)}).`,
    )
  const file = sqlitePathFromUrl(from)
  if (!fs.existsSync(file)) throw new Error(`No SQLite database at ${file}.`)

  const started = Date.now()
  const sqlite = openSqlite(file, { readonly: true })
  const pool = createPostgresPool(to, { poolSize: 1 })
  pool.on('error', () => {})
  let client: pg.PoolClient | undefined
  try {
    // One read transaction: the copy and the counts it is checked against see the same snapshot.
    // Writes the app makes meanwhile are not copied: stop the app (or its writes) first.
    sqlite.exec('begin')
    const applied = sourceMigrations(sqlite)
    checkSourceMigrated(applied)

    try {
      client = await pool.connect()
    } catch (error) {
      throw new Error(`Cannot connect to ${redact(to)}: ${describeError(error)}`)
    }
    const filled = await tablesWithRows(client)
    if (filled.length)
      throw new Error(
        `The target database is not empty (rows in ${filled.join(', ')}); db:copy only fills an empty database.`,
      )

    const handle = createDatabase(to, { poolSize: 1 })
    try {
      const { results = [] } = await migrateToLatest(handle.db)
      if (results.length) console.log(`Migrated the target (${results.length} migrations).`)
    } finally {
      await handle.close()
    }
    const targetApplied = await targetMigrations(client)
    if (targetApplied.join() !== applied.join())
      throw new Error(
        `The target's migrations (${targetApplied.at(-1)}) differ from the source's (${applied.at(-1)}).`,
      )

    const tables = await targetTables(client)
    const sources = new Map(sourceTables(sqlite).map((t) => [t.name, t]))
    for (const name of sources.keys())
      if (!tables.has(name)) throw new Error(`Source table ${name} has no table in the target.`)
    for (const name of tables.keys())
      if (!sources.has(name)) throw new Error(`Target table ${name} has no table in the source.`)
    const order = foreignKeyOrder(tables, [...tables.keys()])
    const plans = order.map((name) => plan(sources.get(name)!, tables.get(name)!))

    const checks = metrics(plans, tables)
    const before = sourceValues(sqlite, checks)
    const total = checks.reduce((sum, m, i) => sum + (m.rowsOf ? before[i]! : 0), 0)

    const bar = new SingleBar(
      { format: 'Copy [{bar}] {percentage}% | {value}/{total} rows | {duration}s | {table}' },
      Presets.shades_classic,
    )
    bar.start(total, 0, { table: '' })
    let sequences = 0
    let rebuilt = 0
    let result: ReturnType<typeof comparison> | undefined
    await client.query('begin')
    try {
      // Triggers such as the weekly-activity ones would add rows the source already has.
      // ALTER TABLE is transactional: a failed copy leaves them enabled.
      const triggered = order.filter((name) => tables.get(name)!.hasUserTriggers)
      for (const name of triggered)
        await client.query(`alter table ${quote(name)} disable trigger user`)
      const later = await buildLater(client)
      rebuilt = later.create.length
      for (const statement of later.drop) await client.query(statement)
      for (const p of plans) {
        try {
          await copyTable(sqlite, client, p, {
            increment: (rows, table) => bar.increment(rows, { table }),
          })
        } catch (error) {
          throw new Error(`Copying ${p.table} failed: ${describeError(error)}`)
        }
      }
      bar.update({ table: `${later.create.length} indexes and foreign keys` })
      // More memory than the default 64 MB lets the GIN search index build in fewer passes.
      await client.query(`set local maintenance_work_mem = '256MB'`)
      for (const statement of later.create) {
        try {
          await client.query(statement)
        } catch (error) {
          throw new Error(`The copied rows break ${statement}: ${describeError(error)}`)
        }
      }
      for (const name of triggered)
        await client.query(`alter table ${quote(name)} enable trigger user`)
      sequences = await resetSequences(client, [...tables.values()])
      result = comparison(checks, before, await targetValues(client, checks))
      if (result.differences) throw new Error('counts differ')
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => {})
      bar.stop()
      if (result?.differences) {
        console.log(result.text)
        throw new Error(
          `${result.differences} checks differ between SQLite and PostgreSQL; nothing was committed.`,
        )
      }
      throw error
    }
    bar.stop()
    console.log(result!.text)
    const seconds = (Date.now() - started) / 1000
    console.log(
      `Copied ${total} rows in ${plans.length} tables from ${file} to ${redact(to)} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(total / seconds)} rows/s); ${rebuilt} indexes and foreign keys rebuilt, ` +
        `${sequences} sequences moved past the highest id. All ${checks.length} checks match.`,
    )
  } finally {
    client?.release()
    await pool.end()
    if (sqlite.inTransaction) sqlite.exec('commit')
    sqlite.close()
  }
})
