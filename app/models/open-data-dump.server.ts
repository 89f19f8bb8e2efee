import { db } from '~/db.server'
import { isoUtc, publicBase, serialise, type PublicChallenge } from '~/models/open-data.server'
import { publicPhotosOf } from '~/models/photo.server'
import type { CsvCell } from '~/services/csv.server'

// The open-data dump (/open-data/challenges.json and .csv): every public challenge with the
// API's public fields (open-data.server.ts names them; nothing is repeated here) plus when it
// was solved and by which organisations. Public means: status open, in progress, solved or
// closed; not hidden; not merged into another challenge. Read in keyset pages by id, each page
// its own short query, so the SQLite connection is free between pages and memory stays flat.

export const DUMP_BATCH = 1000

export const DUMP_LICENCE = {
  name: 'CC0 1.0 Universal (Public Domain Dedication)',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
} as const

export interface DumpChallenge extends PublicChallenge {
  solved_at: string | null
  /** Names of the organisations credited with solving it (people are not named). */
  solved_by: string[]
}

async function page(afterId: number) {
  const base = publicBase({})
  if (!base) return []
  return base
    .select('challenges.solved_at')
    .where('challenges.merged_into_id', 'is', null)
    .where('challenges.id', '>', afterId)
    .orderBy('challenges.id')
    .limit(DUMP_BATCH)
    .execute()
}

/** Organisation names credited per challenge, for one page of ids. */
async function solversOf(ids: number[]): Promise<Map<number, string[]>> {
  const byChallenge = new Map<number, string[]>()
  if (!ids.length) return byChallenge
  const rows = await db
    .selectFrom('challenge_solvers')
    .innerJoin('organisations', 'organisations.id', 'challenge_solvers.organisation_id')
    .select(['challenge_solvers.challenge_id', 'organisations.name'])
    .where('challenge_solvers.challenge_id', 'in', ids)
    .orderBy('challenge_solvers.id')
    .execute()
  for (const row of rows) {
    const names = byChallenge.get(row.challenge_id) ?? []
    if (!names.includes(row.name)) names.push(row.name)
    byChallenge.set(row.challenge_id, names)
  }
  return byChallenge
}

/** Every public challenge, by id, lazily a page at a time. */
export async function* dumpChallenges(): AsyncGenerator<DumpChallenge> {
  let afterId = 0
  for (;;) {
    const rows = await page(afterId)
    const solved = rows.filter((r) => r.status === 'solved').map((r) => r.id)
    const solvers = await solversOf(solved)
    const photos = await publicPhotosOf(rows.map((r) => r.id))
    for (const row of rows) {
      yield {
        ...serialise(row, photos.get(row.id) ?? []),
        solved_at: row.status === 'solved' && row.solved_at ? isoUtc(row.solved_at) : null,
        solved_by: solvers.get(row.id) ?? [],
      }
    }
    if (rows.length < DUMP_BATCH) return
    afterId = rows[rows.length - 1]!.id
  }
}

/** The same records flattened for a spreadsheet, in DUMP_CSV_COLUMNS order (open-data-fields.ts). */
export async function* dumpCsvRows(): AsyncGenerator<CsvCell[]> {
  for await (const c of dumpChallenges()) {
    yield [
      c.id,
      c.title,
      c.summary,
      c.status,
      c.category.slug,
      c.category.name_sv,
      c.category.name_en,
      c.area.slug,
      c.area.name_sv,
      c.area.name_en,
      c.poster_kind,
      c.organisation?.slug,
      c.organisation?.name,
      c.votes,
      c.solutions,
      c.pledges,
      c.created_at,
      c.updated_at,
      c.solved_at,
      c.solved_by.join('; '),
      c.url,
      c.place?.text,
      c.place?.lat,
      c.place?.lng,
      c.photos.map((p) => p.sizes.page.jpeg).join('\n'),
      // One line per photo: a line break inside an alternative text would shift the lines.
      c.photos.map((p) => p.alt.replace(/\s+/g, ' ')).join('\n'),
    ]
  }
}

/**
 * The JSON dump as a stream of text pieces: `{"licence":…,"generated_at":…,"data":[` then one
 * object per challenge, then `]}`. The array is never built in memory.
 */
export async function* dumpJsonPieces(now = new Date()): AsyncGenerator<string> {
  const head = JSON.stringify({ licence: DUMP_LICENCE, generated_at: now.toISOString() })
  yield `${head.slice(0, -1)},"data":[\n`
  let first = true
  for await (const challenge of dumpChallenges()) {
    yield `${first ? '' : ',\n'}${JSON.stringify(challenge)}`
    first = false
  }
  yield '\n]}\n'
}
