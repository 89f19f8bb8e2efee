import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { startTestServer, type Client } from '../helpers/http'

let server: Awaited<ReturnType<typeof startTestServer>>
let moderator: Client
let taxonomy: Awaited<ReturnType<typeof createTaxonomy>>

beforeAll(async () => {
  server = await startTestServer()
  const mod = await createUser({ role: 'moderator' })
  moderator = server.client()
  await moderator.login(mod.email, mod.password)
  taxonomy = await createTaxonomy()
  const author = await createUser()
  for (let i = 0; i < 3; i++) {
    const id = await createChallengeFor(author.id, {
      categoryId: taxonomy.categoryId,
      areaId: taxonomy.areaId,
    })
    // Spread over two known weeks (Mondays 2026-03-02 and 2026-03-09).
    const day = ['2026-03-03', '2026-03-04', '2026-03-10'][i]
    await db
      .updateTable('challenges')
      .set({ created_at: `${day}T10:00:00.000Z` } as never)
      .where('id', '=', id)
      .execute()
  }
})
afterAll(() => server.close())

const fieldError = (html: string, field: string) =>
  html.match(new RegExp(`<ul id="${field}-error"[^>]*>([\\s\\S]*?)</ul>`))?.[1] ?? null

describe('who may see /reports', () => {
  it('sends visitors to sign in, refuses members and shows moderators and admins the report', async () => {
    const visitor = await server.client().get('/reports')
    expect(visitor.status).toBe(302)
    expect(visitor.headers.get('location')).toMatch(/^\/login\?redirectTo=%2Freports/)

    const member = await createUser()
    const memberClient = server.client()
    await memberClient.login(member.email, member.password)
    expect((await memberClient.get('/reports')).status).toBe(403)

    const admin = await createUser({ role: 'admin' })
    const adminClient = server.client()
    await adminClient.login(admin.email, admin.password)
    expect((await adminClient.get('/reports')).status).toBe(200)

    const page = await moderator.get('/reports')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1>Rapporter</h1>')
    expect(html).toMatch(/<input[^>]*id="from"[^>]*type="date"/)
    expect(html).toMatch(/<label for="to">/)
  })
})

describe('a report for a range', () => {
  it('counts the challenges per week and category, and links the CSV with the same query', async () => {
    const query = `from=2026-03-01&to=2026-03-15&category=${taxonomy.categorySlug}`
    const response = await moderator.get(`/reports?${query}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('data-testid="report-total" data-value="3"')
    // Weeks from Monday: 23 Feb (holds 1 March), 2 March (2 new), 9 March (1 new).
    expect(html).toMatch(/<tr data-key="2026-03-02">[\s\S]*?data-column="total" data-value="2"/)
    expect(html).toMatch(/<tr data-key="2026-03-09">[\s\S]*?data-column="total" data-value="1"/)
    expect(html).toMatch(/<tr data-key="2026-02-23">[\s\S]*?data-column="total" data-value="0"/)
    expect(html).toMatch(
      new RegExp(`<tr data-key="${taxonomy.categorySlug}">[\\s\\S]*?data-value="3"`),
    )
    expect(html).toContain(`href="/reports/export.csv?${query.replace(/&/g, '&amp;')}"`)
    expect(html).toContain('role="img"')
    expect(html).toMatch(/1 mars 2026 – 15 mars 2026 \(svensk tid\)/)
  })

  it('shows per area how many challenges have coordinates, as a table without a map', async () => {
    const located = await createTaxonomy()
    const author = await createUser()
    for (const lat of [59.33, 59.34, null]) {
      const id = await createChallengeFor(author.id, {
        categoryId: located.categoryId,
        areaId: located.areaId,
      })
      await db
        .updateTable('challenges')
        .set({
          created_at: '2026-03-04T10:00:00.000Z',
          lat,
          lng: lat === null ? null : 18.06,
        } as never)
        .where('id', '=', id)
        .execute()
    }
    const response = await moderator.get(
      `/reports?from=2026-03-01&to=2026-03-15&category=${located.categorySlug}`,
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    const table = html.match(/<table class="data-table" id="places-table">[\s\S]*?<\/table>/)?.[0]
    expect(table).toBeTruthy()
    expect(table).toMatch(
      new RegExp(
        `<tr data-key="${located.areaSlug}">[\\s\\S]*?data-column="located" data-value="2"[\\s\\S]*?data-column="unlocated" data-value="1"`,
      ),
    )
    expect(html).toContain('2 av 3 utmaningar har koordinater')
    // No map: no map script.
    expect(html).not.toMatch(/leaflet/i)
  })

  it('says that nothing matches instead of drawing empty charts', async () => {
    const html = await (await moderator.get('/reports?from=2001-01-01&to=2001-02-01')).text()
    expect(html).toContain('Inga utmaningar matchar.')
    expect(html).not.toContain('id="weekly-table"')
  })
})

describe('bad input', () => {
  it('answers a reversed range with 400, the input kept and the message on the "to" field', async () => {
    const response = await moderator.get('/reports?from=2026-05-10&to=2026-05-01')
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toMatch(/id="from"[^>]*value="2026-05-10"/)
    expect(html).toMatch(
      /id="to"[^>]*value="2026-05-01"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="to"|id="to"[^>]*aria-invalid="true"/,
    )
    expect(html).toMatch(/aria-describedby="to-error"/)
    expect(fieldError(html, 'to')).toContain('Slutdatumet måste vara samma dag som eller efter')
  })

  it.each([
    ['from=2026-02-30', 'from', 'Skriv datumet som ÅÅÅÅ-MM-DD.'],
    ['from=1800-01-01', 'from', 'Välj ett datum från år 2000'],
    ['to=99999-01-01', 'to', 'Skriv datumet som ÅÅÅÅ-MM-DD.'],
    ['from=2020-01-01&to=2026-01-01', 'to', 'Välj en period på högst 1830 dagar.'],
    ['to=2040-01-01', 'to', 'Slutdatumet ligger för långt fram'],
    ['category=no-such-category', 'category', 'Okänt val.'],
    ['area=Nope!', 'area', 'Okänt val.'],
    ['department=999999', 'department', 'Okänt val.'],
    ['by=robot', 'by', 'Okänt val.'],
  ])('%s → 400 with a message on %s', async (query, field, message) => {
    const response = await moderator.get(`/reports?${query}`)
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(fieldError(html, field)).toContain(message.replace(/\./g, '.'))
    expect(html).toMatch(new RegExp(`aria-describedby="${field}-error"`))
  })

  it.each([
    ['from=2026-13-45', 'from', '2026-13-45'],
    ['to=2026-02-30', 'to', '2026-02-30'],
    ['from=idag', 'from', 'idag'],
    ['from=%3Cb%3E%22x', 'from', '&lt;b&gt;&quot;x'],
  ])(
    '%s → 400 naming the input in the message, and a date field the browser can show',
    async (query, field, shown) => {
      const response = await moderator.get(`/reports?${query}`)
      expect(response.status).toBe(400)
      const html = await response.text()
      // A date input cannot show an impossible date (the browser empties it): the message
      // keeps what was typed instead, and the field holds nothing it would have to throw away.
      const message = fieldError(html, field)
      expect(message).toContain(shown)
      expect(message).toContain('Skriv datumet som ÅÅÅÅ-MM-DD.')
      for (const input of html.match(/<input[^>]*type="date"[^>]*>/g) ?? []) {
        const value = /value="([^"]*)"/.exec(input)?.[1] ?? ''
        expect(value, input).toMatch(/^$|^\d{4,}-\d{2}-\d{2}$/)
      }
      expect(html).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`))
    },
  )

  it('keeps a real date outside the range in its field: the browser can show it', async () => {
    const html = await (await moderator.get('/reports?from=1800-01-01')).text()
    expect(html).toMatch(/id="from"[^>]*value="1800-01-01"/)
  })

  it('refuses a repeated parameter with 400 and never answers 500 to odd queries', async () => {
    const repeated = await moderator.get('/reports?from=2026-01-01&from=2026-02-01')
    expect(repeated.status).toBe(400)
    expect(await repeated.text()).toContain('Varje filter får bara anges en gång.')
    for (const query of [
      'from=%00',
      'to=2026-13-01',
      'department=0',
      'department=1e3',
      'category=' + 'a'.repeat(500),
      'from[]=x',
      'by=',
    ]) {
      const response = await moderator.get(`/reports?${query}`)
      expect([200, 400]).toContain(response.status)
    }
  })
})
