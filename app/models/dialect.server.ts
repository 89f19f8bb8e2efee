import { sql, type Expression, type RawBuilder } from 'kysely'
import { dialect, type Executor } from '~/db.server'

/**
 * The few SQL expressions that differ between SQLite and PostgreSQL. Everything else the models
 * write runs on both (`count(*) filter (where …)`, `on conflict do nothing`, explicit aliases
 * and orders); these helpers are the only place the models branch on the database.
 */
export const onPostgres = () => dialect() === 'postgres'

type Operand = Expression<unknown> | RawBuilder<unknown>

/** `value LIKE pattern ESCAPE '\'`, ignoring letter case as SQLite's LIKE does (ASCII). */
export function likeIgnoringCase(value: Operand, pattern: string): RawBuilder<boolean> {
  return onPostgres()
    ? sql<boolean>`${value} ilike ${pattern} escape '\\'`
    : sql<boolean>`${value} like ${pattern} escape '\\'`
}

/** The days from one timestamp to another, fractional (negative when `to` is earlier). */
export function daysBetween(from: Operand, to: Operand): RawBuilder<number> {
  return onPostgres()
    ? sql<number>`(extract(epoch from (${to} - ${from})) / 86400.0)`
    : sql<number>`(julianday(${to}) - julianday(${from}))`
}

/** The larger of two numbers (SQLite's two-argument max, PostgreSQL's greatest). */
export function greatest(a: Operand, b: Operand): RawBuilder<number> {
  return onPostgres() ? sql<number>`greatest(${a}, ${b})` : sql<number>`max(${a}, ${b})`
}

/** A timestamp's UTC date and hour as text, `YYYY-MM-DDTHH`. */
export function utcHourText(value: Operand): RawBuilder<string> {
  return onPostgres()
    ? sql<string>`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24')`
    : sql<string>`substr(${value}, 1, 13)`
}

/**
 * A column the planner should not pick an index for. SQLite reads a unary + as "no index";
 * PostgreSQL has no such hint (and no unary + on text), and plans by statistics instead.
 */
export function unindexed<T = unknown>(column: string): RawBuilder<T> {
  return onPostgres() ? sql<T>`${sql.ref(column)}` : sql<T>`+${sql.ref(column)}`
}

/** Whether a table exists in the app's schema (the rate limiter creates its own on first use). */
export async function tableExists(executor: Executor, name: string): Promise<boolean> {
  const rows = onPostgres()
    ? await sql<{ n: number }>`
        select count(*) as n from pg_tables
        where schemaname = current_schema() and tablename = ${name}`.execute(executor)
    : await sql<{ n: number }>`
        select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(
        executor,
      )
  return Number(rows.rows[0]?.n ?? 0) > 0
}
