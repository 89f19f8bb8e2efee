import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

// No tile server: no map anywhere, and the CSP allows no other image origin.
delete process.env.MAP_TILES_URL

const server = testServerForFile()

describe('without MAP_TILES_URL', () => {
  it('keeps the CSP to our own images', async () => {
    const csp = (await server.client().get('/')).headers.get('content-security-policy') ?? ''
    const imgSrc = /(?:^|;)\s*img-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? []
    expect(imgSrc).toContain("'self'")
    expect(imgSrc.filter((source) => /^https?:/.test(source))).toEqual([])
  })

  it('offers no map view: the board has no switch and ?view=map is the list', async () => {
    const taxonomy = await createTaxonomy()
    const author = await createUser()
    const id = await createChallengeFor(author.id, {
      title: 'Med plats men ingen karta',
      ...taxonomy,
    })
    await db
      .updateTable('challenges')
      .set({ lat: 56.05, lng: 12.7, place_text: 'Vid torget' })
      .where('id', '=', id)
      .execute()
    const list = await (await server.client().get(`/challenges?area=${taxonomy.areaSlug}`)).text()
    expect(list).not.toContain('view=map')
    const map = await server.client().get(`/challenges?view=map&area=${taxonomy.areaSlug}`)
    expect(map.status).toBe(200)
    const html = await map.text()
    expect(html).toContain('class="card"')
    expect(html).not.toContain('name="view"')
    const data = await (
      await server.client().get(`/challenges/${id}?_data=routes%2Fchallenges.%24id`)
    ).json()
    expect(data.mapTiles).toBeNull()
    expect(data.challenge).toMatchObject({ lat: 56.05, lng: 12.7, place_text: 'Vid torget' })
  })
})
