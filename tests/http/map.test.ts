import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { MAP_POINTS_MAX, WITHOUT_PLACE_COUNT_MAX } from '~/models/challenge-places.server'
import { forgetSettings, getSettings, SETTING_DEFAULTS } from '~/models/settings.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { SETTINGS_FORM } from '../helpers/settings'
import { challengeRow } from '../helpers/challenge-rows'

// The build reads the environment at its first request (in beforeAll): a tile server is set for
// this whole file. tests/http/map-unset.test.ts has none.
const TILES = 'https://tiles.example.se/{z}/{x}/{y}.png'
process.env.MAP_TILES_URL = TILES
delete process.env.MAP_ATTRIBUTION

const server = testServerForFile()
let admin: { client: Client; user: { id: number } }
let author: number
beforeAll(async () => {
  admin = await server.signedIn({ role: 'admin' })
  author = (await createUser()).id
})

/** A challenge in `taxonomy`, with a place when `place` is given. */
async function challengeAt(
  taxonomy: { categoryId: number; areaId: number },
  title: string,
  place?: { lat: number; lng: number; text?: string },
) {
  const id = await createChallengeFor(author, { title, ...taxonomy })
  if (place) {
    await db
      .updateTable('challenges')
      .set({ lat: place.lat, lng: place.lng, place_text: place.text ?? null })
      .where('id', '=', id)
      .execute()
  }
  return id
}

describe('the content security policy', () => {
  it("allows the tile server's images, and nothing else from it", async () => {
    const response = await server.client().get('/')
    const csp = response.headers.get('content-security-policy') ?? ''
    const imgSrc = /(?:^|;)\s*img-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? []
    expect(imgSrc).toContain("'self'")
    // The tile server is the only other host images may come from.
    expect(imgSrc.filter((source) => /^https?:/.test(source))).toEqual(['https://tiles.example.se'])
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+';/)
    expect(csp).toContain("connect-src 'self';")
  })
})

describe("the challenge page's data", () => {
  it('carries the place and the tiles; the map itself is drawn in the browser only', async () => {
    const taxonomy = await createTaxonomy()
    const id = await challengeAt(taxonomy, 'Trasigt busskur vid torget', {
      lat: 56.0465,
      lng: 12.6945,
      text: 'Busshållplatsen Stortorget',
    })
    const data = await (
      await server.client().get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)
    ).json()
    expect(data.challenge).toMatchObject({
      lat: 56.0465,
      lng: 12.6945,
      place_text: 'Busshållplatsen Stortorget',
    })
    expect(data.mapTiles).toEqual({ url: TILES, attribution: '© OpenStreetMap contributors' })
    const html = await (await server.client().get(`/challenges/${id}`)).text()
    // No map markup in the server's HTML, and Leaflet is not preloaded: it comes when drawn.
    expect(html).not.toContain('challenge-map-heading')
    expect(html).not.toMatch(/draw\.client|leaflet/i)
  })
})

describe("the board's map view", () => {
  it('offers a list | map switch that keeps the filters, as links', async () => {
    const taxonomy = await createTaxonomy()
    const html = await (
      await server.client().get(`/challenges?area=${taxonomy.areaSlug}&sort=top&page=2`)
    ).text()
    expect(html).toContain(`href="/challenges?area=${taxonomy.areaSlug}&amp;sort=top&amp;page=2"`)
    expect(html).toMatch(
      new RegExp(
        `<a [^>]*href="/challenges\\?area=${taxonomy.areaSlug}&amp;sort=top&amp;view=map"`,
      ),
    )
    expect(html).toMatch(/aria-current="page"[^>]*>Lista<\/a>/)
    // The list view preloads no map code either.
    expect(html).not.toMatch(/draw\.client|leaflet/i)
  })

  it('lists the matching challenges with a place, counts those without, and keeps the view in the filter form', async () => {
    const taxonomy = await createTaxonomy()
    const other = await createTaxonomy()
    const a = await challengeAt(taxonomy, 'Översvämmad tunnel vid stationen', {
      lat: 56.0431,
      lng: 12.6931,
      text: 'Gångtunneln under spåren',
    })
    const b = await challengeAt(taxonomy, 'Mörk cykelväg längs ån', { lat: 56.05, lng: 12.71 })
    await challengeAt(taxonomy, 'Ingen plats angiven här')
    await challengeAt(taxonomy, 'Inte heller här')
    await challengeAt(other, 'En annan stadsdel', { lat: 56.06, lng: 12.72, text: 'Norr' })
    const hidden = await challengeAt(taxonomy, 'Dold utmaning', { lat: 56.04, lng: 12.7 })
    await db
      .updateTable('challenges')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden)
      .execute()

    const response = await server.client().get(`/challenges?view=map&area=${taxonomy.areaSlug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`href="/challenges/${a}"`)
    expect(html).toContain('Gångtunneln under spåren')
    // Without a place text, the coordinates are the place.
    expect(html).toContain(`href="/challenges/${b}"`)
    expect(html).toContain('56.0500, 12.7100')
    expect(html).not.toContain('En annan stadsdel')
    expect(html).not.toContain('Dold utmaning')
    expect(html).toContain('2 utmaningar saknar plats på kartan.')
    expect(html).toContain('2 utmaningar med plats')
    expect(html).toContain('<input type="hidden" name="view" value="map"/>')
    expect(html).toMatch(/aria-current="page"[^>]*>Karta<\/a>/)
    // The points travel to the browser for the markers.
    const data = await (
      await server
        .client()
        .get(`/challenges?view=map&area=${taxonomy.areaSlug}&_data=routes%2Fchallenges._index`)
    ).json()
    expect(data.view).toBe('map')
    expect(data.map.bounds).toEqual({
      south: SETTING_DEFAULTS.boundsSouth,
      west: SETTING_DEFAULTS.boundsWest,
      north: SETTING_DEFAULTS.boundsNorth,
      east: SETTING_DEFAULTS.boundsEast,
    })
    expect(data.map.points.map((p: { id: number }) => p.id).sort()).toEqual([a, b].sort())
    expect(data.map.withoutPlace).toBe(2)
    expect(data.map.more).toBe(false)
  })

  it(`shows at most ${MAP_POINTS_MAX} challenges and says there are more`, async () => {
    const taxonomy = await createTaxonomy()
    const first = await challengeAt(taxonomy, 'Mall', { lat: 56.05, lng: 12.7, text: 'Här' })
    const row = await challengeRow(first)
    const { id: _id, ...copy } = row
    const copies = Array.from({ length: MAP_POINTS_MAX }, (_, i) => ({
      ...copy,
      title: `Kopia ${i}`,
    }))
    await db.insertInto('challenges').values(copies).execute()
    const data = await (
      await server
        .client()
        .get(`/challenges?view=map&area=${taxonomy.areaSlug}&_data=routes%2Fchallenges._index`)
    ).json()
    expect(data.map.points).toHaveLength(MAP_POINTS_MAX)
    expect(data.map.more).toBe(true)
    const html = await (
      await server.client().get(`/challenges?view=map&area=${taxonomy.areaSlug}`)
    ).text()
    expect(html).toContain(`Kartan visar högst ${MAP_POINTS_MAX} utmaningar.`)
  })

  it(`counts those without a place up to ${WITHOUT_PLACE_COUNT_MAX}, then says "more than"`, async () => {
    const taxonomy = await createTaxonomy()
    const first = await challengeAt(taxonomy, 'Utan plats')
    const row = await challengeRow(first)
    const { id: _id, ...copy } = row
    // In batches: SQLite takes at most 32,766 parameters a statement.
    for (let done = 1; done <= WITHOUT_PLACE_COUNT_MAX; done += 500) {
      const n = Math.min(500, WITHOUT_PLACE_COUNT_MAX + 1 - done)
      await db
        .insertInto('challenges')
        .values(Array.from({ length: n }, () => copy))
        .execute()
    }
    await challengeAt(taxonomy, 'Med plats', { lat: 56.05, lng: 12.7 })
    const data = await (
      await server
        .client()
        .get(`/challenges?view=map&area=${taxonomy.areaSlug}&_data=routes%2Fchallenges._index`)
    ).json()
    expect(data.map.points).toHaveLength(1)
    expect(data.map.withoutPlace).toBe(WITHOUT_PLACE_COUNT_MAX)
    expect(data.map.withoutPlaceMore).toBe(true)
    const html = await (
      await server.client().get(`/challenges?view=map&area=${taxonomy.areaSlug}`)
    ).text()
    expect(html).toContain('Fler än 10\u00a0000 utmaningar saknar plats på kartan.')
  })

  it.each(['view=karta', 'view=map&view=list', 'view=map&sort=password_hash'])(
    'answers %s with 400',
    async (query) => {
      expect((await server.client().get(`/challenges?${query}`)).status).toBe(400)
    },
  )
})

describe("the town's bounds in the admin settings", () => {
  const save = (changes: Record<string, string>) =>
    admin.client.post('/admin/settings', { ...SETTINGS_FORM, ...changes })
  const bounds = async () => {
    forgetSettings() // this test process caches too; the server wrote
    const s = await getSettings()
    return [s.boundsSouth, s.boundsWest, s.boundsNorth, s.boundsEast]
  }

  it('shows the four bounds and saves them, with a decimal comma or point, to four decimals', async () => {
    const page = await (await admin.client.get('/admin/settings')).text()
    for (const name of ['boundsSouth', 'boundsWest', 'boundsNorth', 'boundsEast'])
      expect(page).toMatch(new RegExp(`name="${name}"`))
    expect(page).toContain('value="55.9"')

    const response = await save({
      boundsSouth: '55,95',
      boundsWest: '12.5',
      boundsNorth: ' 56,123456 ',
      boundsEast: '12,9',
    })
    expect(response.status).toBe(302)
    expect(await bounds()).toEqual([55.95, 12.5, 56.1235, 12.9])
    const audit = await db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'admin.settings.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after!)).toEqual({
      boundsSouth: 55.95,
      boundsWest: 12.5,
      boundsNorth: 56.1235,
      boundsEast: 12.9,
    })

    // Back to the defaults for the other tests.
    await save({
      boundsSouth: String(SETTING_DEFAULTS.boundsSouth),
      boundsWest: String(SETTING_DEFAULTS.boundsWest),
      boundsNorth: String(SETTING_DEFAULTS.boundsNorth),
      boundsEast: String(SETTING_DEFAULTS.boundsEast),
    })
    expect(await bounds()).toEqual([55.9, 12.45, 56.2, 12.95])
  })

  it.each([
    [{ boundsSouth: '91' }, 'boundsSouth', 'Ange en breddgrad från −90 till 90'],
    [{ boundsNorth: '-90.5' }, 'boundsNorth', 'Ange en breddgrad från −90 till 90'],
    [{ boundsWest: 'abc' }, 'boundsWest', 'Ange en längdgrad från −180 till 180'],
    [{ boundsEast: '181' }, 'boundsEast', 'Ange en längdgrad från −180 till 180'],
    [{ boundsEast: '1e3' }, 'boundsEast', 'Ange en längdgrad från −180 till 180'],
    [
      { boundsSouth: '56.2', boundsNorth: '55.9' },
      'boundsNorth',
      'Norra gränsen måste ligga norr om den södra.',
    ],
    [
      { boundsWest: '12.9', boundsEast: '12.9' },
      'boundsEast',
      'Östra gränsen måste ligga öster om den västra.',
    ],
    // Sent alone, a bound is checked against the stored ones (south 55.9).
    [{ boundsNorth: '55' }, 'boundsNorth', 'Norra gränsen måste ligga norr om den södra.'],
  ])('answers %j with 400, the message under %s, the input kept', async (changes, field, text) => {
    const before = await db.selectFrom('settings').selectAll().orderBy('key').execute()
    const form: Record<string, string> = {
      ...SETTINGS_FORM,
      townName: 'Behållen ort',
      boundsSouth: '55.9',
      boundsWest: '12.45',
      boundsNorth: '56.2',
      boundsEast: '12.95',
      ...changes,
    }
    // The last case sends its bound alone.
    if ('boundsNorth' in changes && changes.boundsNorth === '55')
      for (const other of ['boundsSouth', 'boundsWest', 'boundsEast']) delete form[other]
    const response = await admin.client.post('/admin/settings', form)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Behållen ort"')
    expect(html).toMatch(new RegExp(`name="${field}"[^>]*aria-invalid="true"`))
    // The message is tied to the field.
    const describedBy = new RegExp(`name="${field}"[^>]*aria-describedby="([^"]+)"`).exec(html)
    const errorId = describedBy?.[1]?.split(' ').find((id) => id.includes('error'))
    expect(errorId).toBeTruthy()
    expect(html).toMatch(new RegExp(`id="${errorId}"[^>]*>(<[^>]+>)*[^<]*${text}`))
    expect(await db.selectFrom('settings').selectAll().orderBy('key').execute()).toEqual(before)
  })
})
