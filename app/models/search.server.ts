import { sql } from 'kysely'
import { db, type Executor } from '~/db.server'

// SQLite-only: FTS5. Everything that knows about challenges_fts lives in this module, so a
// PostgreSQL port replaces this file (tsvector) and nothing else.

/** Words of the user's text, each quoted, so nothing they type is read as FTS syntax. */
function terms(text: string, max = 12): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 1)
    .slice(0, max)
    .map((w) => `"${w.toLowerCase()}"`)
}

/** "all words" for search; null when the text has no searchable word. */
export function matchAll(text: string): string | null {
  const words = terms(text)
  return words.length ? words.map((w) => `${w}*`).join(' AND ') : null
}

/** "any of the words" for similar-challenge hints; the best matches rank first. */
export function matchAny(text: string): string | null {
  const words = terms(text, 24).filter((w) => w.length > 5) // skip short, common words
  return words.length ? words.join(' OR ') : null
}

/** (Re)indexes one challenge with its title, description and visible solutions. */
export async function indexChallenge(executor: Executor, challengeId: number) {
  const challenge = await executor
    .selectFrom('challenges')
    .select(['title', 'description_md'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  await sql`delete from challenges_fts where rowid = ${challengeId}`.execute(executor)
  if (!challenge) return
  const solutions = await executor
    .selectFrom('solutions')
    .select('body_md')
    .where('challenge_id', '=', challengeId)
    .where('hidden_at', 'is', null)
    // Held by quarantine: not searchable until a moderator approves it.
    .where('held_at', 'is', null)
    .execute()
  const body = [challenge.description_md, ...solutions.map((s) => s.body_md)].join('\n\n')
  await sql`insert into challenges_fts (rowid, title, body) values (${challengeId}, ${challenge.title}, ${body})`.execute(
    executor,
  )
}

/** Ids of challenges matching `match`, best first (bm25, title weighted 5×). */
export async function searchChallengeIds(match: string, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select rowid as id from challenges_fts
    where challenges_fts match ${match}
    order by bm25(challenges_fts, 5.0, 1.0)
    limit ${limit}`.execute(db)
  return rows.rows.map((r) => r.id)
}

export type Highlighted = Array<{ text: string; hit: boolean }>

/** Each matched title split into plain and hit segments, for React to render (no raw HTML). */
export async function highlightTitles(
  match: string,
  ids: number[],
): Promise<Map<number, Highlighted>> {
  if (!ids.length) return new Map()
  const open = '\u0001'
  const close = '\u0002'
  const rows = await sql<{ id: number; title: string }>`
    select rowid as id, highlight(challenges_fts, 0, ${open}, ${close}) as title
    from challenges_fts
    where challenges_fts match ${match} and rowid in (${sql.join(ids)})`.execute(db)
  return new Map(
    rows.rows.map((r) => [
      r.id,
      r.title
        .split(open)
        .flatMap((part, i) => {
          if (i === 0) return [{ text: part, hit: false }]
          const [hit = '', rest = ''] = part.split(close)
          return [
            { text: hit, hit: true },
            { text: rest, hit: false },
          ]
        })
        .filter((segment) => segment.text),
    ]),
  )
}
