import { sql, type RawBuilder } from 'kysely'
import { db, type Executor } from '~/db.server'
import { searchKey } from '#db/search-key'
import { onPostgres } from '~/models/dialect.server'

// Everything that knows about challenges_fts lives in this module. SQLite: an FTS5 table
// (unicode61, diacritics removed), keyed by rowid = challenge id. PostgreSQL: a table keyed by
// challenge_id with a generated tsvector (title weight A, body B; accents folded by unaccent,
// stemmed in Swedish and in English, so "bussen" finds "buss") under a GIN index.

/** What the user typed, as words: nothing they type is read as query syntax on either side. */
export interface SearchMatch {
  words: string[]
  mode: 'all' | 'any'
}

/** Letters and digits only, each word at least two characters, lower-cased. */
function terms(text: string, max = 12): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => w.length > 1)
    .slice(0, max)
    .map((w) => w.toLowerCase())
}

/** "all words" (each as a prefix) for search; null when the text has no searchable word. */
export function matchAll(text: string): SearchMatch | null {
  const words = terms(text)
  return words.length ? { words, mode: 'all' } : null
}

/** "any of the words" for similar-challenge hints; the best matches rank first. */
export function matchAny(text: string): SearchMatch | null {
  const words = terms(text, 24).filter((w) => w.length > 5) // skip short, common words
  return words.length ? { words, mode: 'any' } : null
}

/** FTS5's query: `"word"*` AND … or `"word"` OR …. */
function ftsQuery(match: SearchMatch): string {
  return match.mode === 'all'
    ? match.words.map((w) => `"${w}"*`).join(' AND ')
    : match.words.map((w) => `"${w}"`).join(' OR ')
}

/**
 * PostgreSQL's tsquery: each word stemmed in Swedish or in English (a prefix when all words must
 * match, as on SQLite), joined with && (all) or || (any). Words are letters and digits only, and
 * go in as parameters.
 */
function tsQuery(match: SearchMatch): RawBuilder<unknown> {
  const suffix = match.mode === 'all' ? ':*' : ''
  const parts = match.words.map(
    (w) => sql`(to_tsquery('utmana_sv', ${w + suffix}) || to_tsquery('utmana_en', ${w + suffix}))`,
  )
  return sql.join(parts, sql.raw(match.mode === 'all' ? ' && ' : ' || '))
}

/** A subquery of the ids of the challenges matching, for `where challenges.id in (…)`. */
export function challengeIdsMatching(match: SearchMatch): RawBuilder<number> {
  return onPostgres()
    ? sql<number>`(select challenge_id from challenges_fts where document @@ (${tsQuery(match)}))`
    : sql<number>`(select rowid from challenges_fts where challenges_fts match ${ftsQuery(match)})`
}

/** (Re)indexes one challenge with its title, description and visible solutions. */
export async function indexChallenge(executor: Executor, challengeId: number) {
  const challenge = await executor
    .selectFrom('challenges')
    .select(['title', 'description_md'])
    .where('id', '=', challengeId)
    .executeTakeFirst()
  const key = searchKey(executor)
  await sql`delete from challenges_fts where ${key} = ${challengeId}`.execute(executor)
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
  await sql`insert into challenges_fts (${key}, title, body)
    values (${challengeId}, ${challenge.title}, ${body})`.execute(executor)
}

/** Ids of challenges matching, best first (the title weighs 5× the body on both databases). */
export async function searchChallengeIds(match: SearchMatch, limit: number): Promise<number[]> {
  const rows = onPostgres()
    ? await sql<{ id: number }>`
        select challenge_id as id from challenges_fts
        where document @@ (${tsQuery(match)})
        order by ts_rank('{0.1, 0.2, 0.2, 1.0}', document, ${tsQuery(match)}) desc, challenge_id desc
        limit ${limit}`.execute(db)
    : await sql<{ id: number }>`
        select rowid as id from challenges_fts
        where challenges_fts match ${ftsQuery(match)}
        order by bm25(challenges_fts, 5.0, 1.0)
        limit ${limit}`.execute(db)
  return rows.rows.map((r) => r.id)
}

export type Highlighted = Array<{ text: string; hit: boolean }>

const OPEN = '\u0001'
const CLOSE = '\u0002'

/** Each matched title split into plain and hit segments, for React to render (no raw HTML). */
export async function highlightTitles(
  match: SearchMatch,
  ids: number[],
): Promise<Map<number, Highlighted>> {
  if (!ids.length) return new Map()
  const rows = onPostgres()
    ? await sql<{ id: number; title: string }>`
        select challenge_id as id,
          ts_headline('utmana_sv', title, ${tsQuery(match)},
            ${`StartSel=${OPEN}, StopSel=${CLOSE}, HighlightAll=true`}) as title
        from challenges_fts
        where challenge_id in (${sql.join(ids)})`.execute(db)
    : await sql<{ id: number; title: string }>`
        select rowid as id, highlight(challenges_fts, 0, ${OPEN}, ${CLOSE}) as title
        from challenges_fts
        where challenges_fts match ${ftsQuery(match)} and rowid in (${sql.join(ids)})`.execute(db)
  return new Map(rows.rows.map((r) => [r.id, segments(r.title)]))
}

function segments(marked: string): Highlighted {
  return marked
    .split(OPEN)
    .flatMap((part, i) => {
      if (i === 0) return [{ text: part, hit: false }]
      const [hit = '', rest = ''] = part.split(CLOSE)
      return [
        { text: hit, hit: true },
        { text: rest, hit: false },
      ]
    })
    .filter((segment) => segment.text)
}
