import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { dialect, type Executor } from '~/db.server'

/**
 * The few SQL expressions that differ between SQLite and PostgreSQL. Everything else the models
 * write runs on both (`count(*) filter (where …)`, `on conflict do nothing`, explicit aliases
 * and orders); these helpers are the only place the models branch on the database.
 */
export const onPostgres = () => dialect() === 'postgres'

type Operand = Expression<unknown> | RawBuilder<unknown>

/** `text` as a LIKE pattern that matches it literally: its `%`, `_` and `\` escaped with `\`. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** A LIKE pattern matching `text` anywhere, literally: use with `escape '\'`. */
export function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`
}

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

// Locks. On SQLite every transaction begins IMMEDIATE and so holds the database's write lock
// from its first statement: a read inside it is already exact, and these add nothing (no SQL,
// no round trip). On PostgreSQL (READ COMMITTED, a pool of connections) two transactions may
// read the same row and both act on what they read; these take the row lock first, so the
// second waits for the first to commit and then reads what it wrote. One order everywhere, so
// two transactions never wait on each other: the challenge first, then the post (solution,
// comment, pledge, photo) on it, then users; several challenges by ascending id.

/** A select that also takes its rows' write lock (FOR UPDATE) on PostgreSQL. */
export function forUpdate<QB extends { forUpdate(): QB }>(query: QB): QB {
  return onPostgres() ? query.forUpdate() : query
}

type LockedTable = 'challenges' | 'solutions' | 'comments' | 'pledges' | 'photos' | 'users'

async function lockRows(trx: Executor, table: LockedTable, ids: readonly number[]) {
  if (!onPostgres() || ids.length === 0) return
  const sorted = [...new Set(ids)].sort((a, b) => a - b)
  // ORDER BY before FOR UPDATE: the rows are locked in id order.
  await sql`select id from ${sql.table(table)} where id in (${sql.join(sorted)})
    order by id for update`.execute(trx)
}

/** Holds the challenge's row for the rest of the transaction (PostgreSQL; nothing on SQLite). */
export function lockChallenge(trx: Executor, challengeId: number) {
  return lockRows(trx, 'challenges', [challengeId])
}

/** Several challenges, in ascending id order whatever order they are given in. */
export function lockChallenges(trx: Executor, challengeIds: readonly number[]) {
  return lockRows(trx, 'challenges', challengeIds)
}

/**
 * Holds a post's row and, before it (the lock order), its challenge's (PostgreSQL; nothing on
 * SQLite). A comment moved by a merge meanwhile is locked where it now is.
 */
export async function lockPost(
  trx: Executor,
  kind: 'challenge' | 'solution' | 'comment' | 'pledge' | 'photo',
  id: number,
) {
  if (!onPostgres()) return
  if (kind === 'challenge') return lockChallenge(trx, id)
  if (kind === 'photo') {
    // A photo's challenge is its own, its solution's or its progress update's pledge's.
    await sql`select id from challenges where id = (
      select coalesce(p.challenge_id, s.challenge_id, pl.challenge_id) from photos p
        left join solutions s on s.id = p.solution_id
        left join pledge_updates u on u.id = p.pledge_update_id
        left join pledges pl on pl.id = u.pledge_id
      where p.id = ${id}) for update`.execute(trx)
    return lockRows(trx, 'photos', [id])
  }
  const table = `${kind}s` as const
  await sql`select id from challenges
    where id = (select challenge_id from ${sql.table(table)} where id = ${id}) for update`.execute(
    trx,
  )
  await lockRows(trx, table, [id])
}

/** Several solutions, in ascending id order (after their challenges: the lock order). */
export function lockSolutions(trx: Executor, solutionIds: readonly number[]) {
  return lockRows(trx, 'solutions', solutionIds)
}

/**
 * Holds a whole small table against other writers (PostgreSQL; nothing on SQLite), for a check
 * that reads every row (taxonomy names must differ): readers and rows that merely refer to it
 * do not wait.
 */
export async function lockTableWrites(trx: Executor, table: 'categories' | 'areas') {
  if (!onPostgres()) return
  await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(trx)
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
