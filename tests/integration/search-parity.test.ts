import { beforeAll, describe, expect, it } from 'vitest'
import { listChallenges } from '~/models/challenge.server'
import { matchAny, searchChallengeIds } from '~/models/search.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { onPostgres } from '../helpers/setup'

// The same query set gives the same hits on SQLite (FTS5) and PostgreSQL (tsvector): this file
// runs in `npm test` and in `npm run test:pg` with the same expectations. Only stemming differs
// (PostgreSQL's Swedish stemmer), and is checked on PostgreSQL alone.

const CORPUS = {
  bus: ['Bussen till hamnen går för sällan', 'Sista avgången går 21.40.'],
  light: ['Trasig gatubelysning på Storgatan', 'Mörkt vid busshållplatsen om kvällarna.'],
  cafe: ['Café på torget stänger tidigt', 'Öppettiderna passar inte resenärerna.'],
  parking: ['Parkering vid stationen är full', 'Pendlare hittar inga platser på morgonen.'],
  toilets: ['Hamnens toaletter är låsta', 'Besökare vid hamnen klagar varje helg.'],
  commuters: ['Pendlare väntar i regnet', 'Inget tak vid hållplatsen.'],
} as const
type Key = keyof typeof CORPUS

let ids: Record<Key, number>
const keyOf = (id: number) => (Object.keys(ids) as Key[]).find((k) => ids[k] === id) ?? id

async function hits(q: string) {
  const { items } = await listChallenges({ q, sort: 'new', page: 1 })
  return items
    .map((item) => keyOf(item.id))
    .filter((k): k is Key => typeof k === 'string')
    .sort()
}

beforeAll(async () => {
  const author = await createUser()
  const { categoryId, areaId } = await createTaxonomy()
  const made: Partial<Record<Key, number>> = {}
  for (const [key, [title, description]] of Object.entries(CORPUS) as [Key, [string, string]][])
    made[key] = await createChallengeFor(author.id, { title, description, categoryId, areaId })
  ids = made as Record<Key, number>
})

describe(`search on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it.each([
    ['hamnen', ['bus', 'toilets']],
    ['buss', ['bus', 'light']],
    ['cafe', ['cafe']],
    ['CAFÉ', ['cafe']],
    ['oppettiderna', ['cafe']],
    ['stationen parkering', ['parking']],
    ['gatubelysning storgatan', ['light']],
    ['gatubelysning hamnen', []],
    ['pendlare', ['commuters', 'parking']],
    ['xyzzy', []],
  ] as const)('%s finds %j', async (q, expected) => {
    expect(await hits(q)).toEqual([...expected].sort())
  })

  it('ranks a title hit above a body hit', async () => {
    const match = matchAny('pendlare väntar')!
    const ranked = await searchChallengeIds(match, 10)
    const mine = ranked.filter((id) => Object.values(ids).includes(id)).map(keyOf)
    expect(mine[0]).toBe('commuters')
    expect(mine).toContain('parking')
  })
})

describe.skipIf(!onPostgres)('stemming (PostgreSQL only: FTS5 has no stemmer)', () => {
  it('finds "bussen" by "bussarna" and "parkering" by "parkeringar"', async () => {
    expect(await hits('bussarna')).toContain('bus')
    expect(await hits('parkeringar')).toContain('parking')
  })
})
