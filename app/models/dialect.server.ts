import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { dialect } from '~/db.server'

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

/**
 * For a subquery that picks rows to claim: PostgreSQL locks the rows it picks and passes over
 * those another transaction holds (`for update skip locked`), so claimers running at once take
 * different rows without waiting. SQLite runs one writing statement at a time across processes
 * (the write lock), so the claiming statement alone is exact there.
 */
export function skippingLocked<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return onPostgres() ? query.forUpdate().skipLocked() : query
}
