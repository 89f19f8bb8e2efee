import http from 'node:http'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { isFormula } from '~/services/csv.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { placeOnChallenge, photosOnChallenge } from '../helpers/photo-posts'
import { OPEN_DATA_LIST_FIELDS } from '../helpers/open-data'

const server = testServerForFile()

async function signedIn(role: 'member' | 'moderator' | 'admin') {
  const user = await createUser({ role })
  const client = server.client()
  await client.login(user.email, user.password)
  return { user, client }
}

/** A small RFC 4180 reader for the tests: quoted cells, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell || row.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(cell)}`)
  return rows
}

async function download(client: Client, path: string, headers?: Record<string, string>) {
  const response = await client.get(path, headers)
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return { response, bytes, text }
}

const at = (day: string, time = '10:00:00') => `${day}T${time}.000Z`

async function setChallenge(
  id: number,
  values: Partial<{
    created_at: string
    first_response_at: string | null
    solved_at: string | null
    status: 'open' | 'in_progress' | 'solved' | 'closed' | 'pending' | 'rejected'
    hidden_at: string | null
    merged_into_id: number | null
    department_id: number | null
  }>,
) {
  const { created_at: createdAt, ...rest } = values
  // created_at is insert-only in the schema's types; tests back-date rows on purpose.
  if (createdAt)
    await sql`update challenges set created_at = ${createdAt} where id = ${id}`.execute(db)
  if (Object.keys(rest).length)
    await db.updateTable('challenges').set(rest).where('id', '=', id).execute()
}

describe('/reports/export.csv: who may download it', () => {
  it('sends a visitor to the login page', async () => {
    const response = await server.client().get('/reports/export.csv')
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(
      /^\/login\?redirectTo=%2Freports%2Fexport\.csv/,
    )
  })

  it('refuses a member with 403 and no rows', async () => {
    const { client } = await signedIn('member')
    const author = await createUser()
    await createChallengeFor(author.id, { title: 'Hemlig rad som inte får läcka ut' })
    const response = await client.get('/reports/export.csv')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('Hemlig rad')
  })
})

describe('/reports/export.csv: the rows', () => {
  let taxonomy: Awaited<ReturnType<typeof createTaxonomy>>
  const ids: Record<string, number> = {}
  const query = () => `?from=2025-01-01&to=2025-12-31&category=${taxonomy.categorySlug}`

  beforeAll(async () => {
    taxonomy = await createTaxonomy()
    const other = await createTaxonomy()
    const resident = await createUser({ name: 'Rut Residentsson' })
    const department = await createOrganisation({ name: 'Gatukontoret', kind: 'municipality' })
    const make = async (
      key: string,
      title: string,
      day: string,
      categoryId = taxonomy.categoryId,
    ) => {
      ids[key] = await createChallengeFor(resident.id, {
        title,
        categoryId,
        areaId: taxonomy.areaId,
      })
      await setChallenge(ids[key]!, { created_at: at(day) })
    }
    await make('swedish', 'Ökad belysning på Järnvägsgatan', '2025-03-01')
    await make('first', 'Fler cykelställ vid stationen', '2025-02-01')
    await make('hyperlink', '=HYPERLINK("http://evil.example","x")', '2025-03-01')
    await make('sum', '@SUM(A1) i rubriken', '2025-04-01')
    await make('plus', '+1 för bättre skyltning', '2025-04-02')
    await make('minus', '-1+1 är text, inte en formel', '2025-04-03')
    await make('dde', "-cmd|' /C calc'!A0", '2025-04-04')
    await make('call', '+SUM(A1)', '2025-04-05')
    await make('before', 'Postad innan perioden börjar', '2024-12-31')
    await make('otherCategory', 'En annan kategori helt och hållet', '2025-05-01', other.categoryId)
    await make('hidden', 'Dold för att den bröt mot reglerna', '2025-05-02')
    await setChallenge(ids.hidden!, { hidden_at: at('2025-05-03') })
    await setChallenge(ids.swedish!, {
      status: 'solved',
      department_id: department.id,
      first_response_at: at('2025-03-03', '22:00:00'),
      solved_at: at('2025-03-11'),
    })
  })

  it('gives a moderator the filtered challenges, oldest first, in Swedish, as a UTF-8 file with BOM', async () => {
    const { client } = await signedIn('moderator')
    const { response, bytes, text } = await download(client, `/reports/export.csv${query()}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="utmana-challenges-2025-01-01-2025-12-31.csv"',
    )
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header!.slice(0, 3)).toEqual(['Nummer', 'Rubrik', 'Status'])
    expect(header).toContain('Dagar till första svar')
    // Same created_at for "swedish" and "hyperlink": then by id, which is creation order.
    expect(rows.map((r) => Number(r[0]))).toEqual(
      ['first', 'swedish', 'hyperlink', 'sum', 'plus', 'minus', 'dde', 'call'].map((k) => ids[k]),
    )
    const swedish = rows.find((r) => Number(r[0]) === ids.swedish)!
    const cell = (name: string) => swedish[header!.indexOf(name)]
    expect(cell('Rubrik')).toBe('Ökad belysning på Järnvägsgatan')
    expect(cell('Status')).toBe('Löst')
    expect(cell('Postad av')).toBe('Invånare')
    expect(cell('Ansvarig förvaltning')).toBe('Gatukontoret')
    expect(cell('Skapad (UTC)')).toBe('2025-03-01T10:00:00Z')
    expect(cell('Dagar till första svar')).toBe('2.5')
    expect(cell('Dagar till lösning')).toBe('10')
    expect(cell('Länk')).toMatch(new RegExp(`/challenges/${ids.swedish}$`))
    // Residents are not named in the file.
    expect(text).not.toContain('Rut Residentsson')
  })

  it('neutralises titles that a spreadsheet would run as formulas', async () => {
    const { client } = await signedIn('admin')
    const { text } = await download(client, `/reports/export.csv${query()}`)
    const [, ...rows] = parseCsv(text.slice(1))
    const title = (key: string) => rows.find((r) => Number(r[0]) === ids[key])![1]
    expect(title('hyperlink')).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(title('sum')).toBe("'@SUM(A1) i rubriken")
    expect(title('dde')).toBe("'-cmd|' /C calc'!A0")
    expect(title('call')).toBe("'+SUM(A1)")
    // Words after + or - are text to a spreadsheet: written as typed (docs/api.md).
    expect(title('plus')).toBe('+1 för bättre skyltning')
    expect(title('minus')).toBe('-1+1 är text, inte en formel')
    // No cell anywhere is one a spreadsheet would run.
    for (const row of rows) for (const c of row) expect(isFormula(c!), c).toBe(false)
  })

  it('writes the header in English for an English reader, and audits the export', async () => {
    const { user, client } = await signedIn('moderator')
    const { text } = await download(client, `/reports/export.csv${query()}`, {
      'Accept-Language': 'en',
    })
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header!.slice(0, 3)).toEqual(['Number', 'Title', 'Status'])
    expect(rows.find((r) => Number(r[0]) === ids.swedish)![2]).toBe('Solved')
    // The audit row is written when the stream ends.
    await expect
      .poll(() =>
        db
          .selectFrom('audit_log')
          .select(['after'])
          .where('action', '=', 'report_exported')
          .where('actor_id', '=', user.id)
          .executeTakeFirst(),
      )
      .toBeTruthy()
    const audit = await db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'report_exported')
      .where('actor_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after!)).toMatchObject({ rows: 8, complete: true })
  })

  it.each([
    ['a reversed range', '?from=2025-12-31&to=2025-01-01', 'Slutdatumet måste vara'],
    ['an impossible date', '?from=2025-02-30', 'ÅÅÅÅ-MM-DD'],
    ['an unknown category', '?category=finns-inte', 'som inte finns'],
    ['an unknown department', '?department=999999', 'som inte finns'],
    ['a repeated filter', '?from=2025-01-01&from=2025-02-01', 'bara anges en gång'],
  ])('answers %s with 400 and a message', async (_name, search, message) => {
    const { client } = await signedIn('moderator')
    const response = await client.get(`/reports/export.csv${search}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/)
    expect(await response.text()).toContain(message)
  })
})

describe('/open-data: the public dump', () => {
  const ids: Record<string, number> = {}
  let resident: Awaited<ReturnType<typeof createUser>>

  beforeAll(async () => {
    resident = await createUser({ name: 'Vera Invånarsdotter', email: 'vera.privat@example.se' })
    const solverUser = await createUser({ name: 'Sune Lösarsson' })
    const business = await createOrganisation({ name: 'Hamnens Cykel AB', ownerId: solverUser.id })
    const make = async (key: string, title: string) => {
      ids[key] = await createChallengeFor(resident.id, { title })
    }
    await make('open', 'Offentlig utmaning om parkbänkar')
    await make('solved', 'Löst utmaning om cykelpumpar')
    await make('hidden', 'Dold utmaning som inte får synas')
    await make('rejected', 'Avvisad utmaning som inte får synas')
    await make('merged', 'Sammanslagen dubblett som inte får synas')
    ids.pending = await createChallengeFor(resident.id, {
      title: 'Väntande utmaning som inte får synas',
      status: 'pending',
    })
    await setChallenge(ids.hidden!, { hidden_at: at('2025-05-03') })
    await setChallenge(ids.rejected!, { status: 'rejected' })
    await setChallenge(ids.merged!, { status: 'closed', merged_into_id: ids.open! })
    await setChallenge(ids.solved!, { status: 'solved', solved_at: at('2025-06-01') })
    await db
      .insertInto('challenge_solvers')
      .values([
        { challenge_id: ids.solved!, organisation_id: business.id, user_id: solverUser.id },
        { challenge_id: ids.solved!, organisation_id: null, user_id: resident.id },
      ])
      .execute()
  })

  const SECRET_TITLES = /inte får synas/

  it('explains the dump, its licence and links to the files and the API', async () => {
    const response = await server.client().get('/open-data')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('href="https://creativecommons.org/publicdomain/zero/1.0/"')
    expect(html).toContain('CC0 1.0')
    expect(html).toContain('href="/open-data/challenges.json"')
    expect(html).toContain('href="/open-data/challenges.csv"')
    expect(html).toContain('href="/api/v1/challenges"')
    expect(html).toContain('<caption>')
  })

  it('holds every public challenge as JSON with public fields only', async () => {
    const response = await fetch(`${server.origin}/open-data/challenges.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="utmana-challenges.json"',
    )
    const text = await response.text()
    const body = JSON.parse(text) as {
      licence: { url: string }
      generated_at: string
      data: Array<Record<string, unknown>>
    }
    expect(body.licence.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    const byId = new Map(body.data.map((c) => [c.id as number, c]))
    expect(byId.has(ids.open!)).toBe(true)
    for (const key of ['hidden', 'pending', 'rejected', 'merged'])
      expect(byId.has(ids[key]!), key).toBe(false)
    expect(text).not.toMatch(SECRET_TITLES)

    const solved = byId.get(ids.solved!)!
    expect(solved.solved_by).toEqual(['Hamnens Cykel AB'])
    expect(solved.solved_at).toBe('2025-06-01T10:00:00.000Z')
    expect(byId.get(ids.open!)!.solved_by).toEqual([])
    for (const challenge of body.data) {
      expect(Object.keys(challenge).sort()).toEqual(
        [...OPEN_DATA_LIST_FIELDS, 'solved_at', 'solved_by'].sort(),
      )
    }
  })

  it('names no person, e-mail address or user id, in JSON or CSV', async () => {
    const users = await db.selectFrom('users').select(['id', 'name', 'email']).execute()
    const json = await (await fetch(`${server.origin}/open-data/challenges.json`)).text()
    const csv = await (await fetch(`${server.origin}/open-data/challenges.csv`)).text()
    for (const text of [json, csv]) {
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
      for (const user of users) expect(text).not.toContain(user.name)
      expect(text).not.toMatch(/user_id|author_id|"email"|actor_id|accepted_by/)
    }
    // Nested objects too (category, area, organisation) carry only public keys: no field
    // anywhere could hold a user's id.
    const PUBLIC_KEYS = new Set(['licence', 'name', 'url', 'generated_at', 'data', 'slug', 'kind'])
    for (const key of ['name_sv', 'name_en', 'id', 'title', 'summary', 'status', 'category'])
      PUBLIC_KEYS.add(key)
    for (const key of ['area', 'poster_kind', 'organisation', 'votes', 'solutions', 'pledges'])
      PUBLIC_KEYS.add(key)
    for (const key of ['created_at', 'updated_at', 'solved_at', 'solved_by']) PUBLIC_KEYS.add(key)
    for (const key of ['place', 'text', 'lat', 'lng', 'photos', 'alt', 'caption', 'sizes'])
      PUBLIC_KEYS.add(key)
    for (const key of ['card', 'page', 'full', 'width', 'height', 'webp', 'jpeg'])
      PUBLIC_KEYS.add(key)
    const keys = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keys)
        : value && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)])
          : []
    expect(keys(JSON.parse(json)).filter((k) => !PUBLIC_KEYS.has(k))).toEqual([])
  })

  it('holds the same challenges as CSV, with a BOM, field-name header and CORS', async () => {
    const response = await fetch(`${server.origin}/open-data/challenges.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="utmana-challenges.csv"',
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(header!.slice(0, 4)).toEqual(['id', 'title', 'summary', 'status'])
    const rowIds = rows.map((r) => Number(r[0]))
    expect(rowIds).toContain(ids.open)
    for (const key of ['hidden', 'pending', 'rejected', 'merged'])
      expect(rowIds, key).not.toContain(ids[key])
    const solved = rows.find((r) => Number(r[0]) === ids.solved)!
    expect(solved[header!.indexOf('solved_by')]).toBe('Hamnens Cykel AB')
    expect(text).not.toMatch(SECRET_TITLES)
  })

  it('carries place and public photos: nested in JSON, as columns appended at the end of the CSV', async () => {
    const id = await createChallengeFor(resident.id, { title: 'Översvämmad tunnel under spåren' })
    const [first, hidden, second] = await photosOnChallenge(id, resident.id, [
      { alt: 'Vatten till knäna i tunneln', caption: 'Efter regnet' },
      { alt: 'Dolt foto som inte får synas', hidden: true },
      { alt: 'Ingången\nfrån norr;=HYPERLINK("http://evil.example")' },
    ])
    await placeOnChallenge(id, { text: 'Tunneln vid stationen', lat: 59.3301, lng: 18.0592 })
    const url = (key: string) => `http://localhost:3000/photos/${key}/page.jpg`

    const json = JSON.parse(
      await (await fetch(`${server.origin}/open-data/challenges.json`)).text(),
    ) as { data: Array<Record<string, unknown>> }
    const record = json.data.find((c) => c.id === id)!
    expect(record.place).toEqual({ text: 'Tunneln vid stationen', lat: 59.3301, lng: 18.0592 })
    const photos = record.photos as Array<{ alt: string; sizes: { page: { jpeg: string } } }>
    expect(photos.map((p) => [p.alt, p.sizes.page.jpeg])).toEqual([
      ['Vatten till knäna i tunneln', url(first!)],
      ['Ingången\nfrån norr;=HYPERLINK("http://evil.example")', url(second!)],
    ])
    expect(json.data.find((c) => c.id === ids.open)).toMatchObject({ place: null, photos: [] })

    const bytes = new Uint8Array(
      await (await fetch(`${server.origin}/open-data/challenges.csv`)).arrayBuffer(),
    )
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text).not.toContain(hidden!)
    expect(text).not.toContain('Dolt foto')
    const [header, ...rows] = parseCsv(text.slice(1))
    // The earlier columns keep their places; the new ones come last.
    expect(header).toEqual([
      'id',
      'title',
      'summary',
      'status',
      'category',
      'category_name_sv',
      'category_name_en',
      'area',
      'area_name_sv',
      'area_name_en',
      'poster_kind',
      'organisation',
      'organisation_name',
      'votes',
      'solutions',
      'pledges',
      'created_at',
      'updated_at',
      'solved_at',
      'solved_by',
      'url',
      'place_text',
      'lat',
      'lng',
      'photo_urls',
      'photo_alt_texts',
    ])
    const row = rows.find((r) => Number(r[0]) === id)!
    const cell = (name: string) => row[header!.indexOf(name)]
    expect(cell('place_text')).toBe('Tunneln vid stationen')
    expect(cell('lat')).toBe('59.3301')
    expect(cell('lng')).toBe('18.0592')
    expect(cell('photo_urls')).toBe(`${url(first!)}\n${url(second!)}`)
    // One line per photo (a line break inside a text becomes a space); a formula after a
    // semicolon is defused as everywhere in the file.
    expect(cell('photo_alt_texts')!.split('\n')).toEqual([
      'Vatten till knäna i tunneln',
      `Ingången från norr;'=HYPERLINK("http://evil.example")`,
    ])
    const bare = rows.find((r) => Number(r[0]) === ids.open)!
    expect(header!.slice(-5).map((name) => bare[header!.indexOf(name)])).toEqual([
      '',
      '',
      '',
      '',
      '',
    ])
  })

  it('streams a dump of 3,000 challenges: chunked, no length, complete and valid', async () => {
    const author = await createUser()
    const taxonomy = await createTaxonomy()
    const now = new Date().toISOString()
    for (let i = 0; i < 3000; i += 500) {
      await db
        .insertInto('challenges')
        .values(
          Array.from({ length: 500 }, (_, j) => ({
            title: `Massutmaning nummer ${i + j} med ”citat”, kommatecken och åäö`,
            description_md: 'Text',
            description_html: '<p>Text</p>',
            summary: 'Text',
            category_id: taxonomy.categoryId,
            area_id: taxonomy.areaId,
            author_id: author.id,
            organisation_id: null,
            poster_kind: 'resident' as const,
            status: 'open' as const,
            closed_reason: null,
            lat: null,
            lng: null,
            hidden_at: null,
            hidden_reason: null,
            edited_at: null,
            solved_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute()
    }
    const expected = Number(
      (
        await db
          .selectFrom('challenges')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('hidden_at', 'is', null)
          .where('merged_into_id', 'is', null)
          .where('status', 'in', ['open', 'in_progress', 'solved', 'closed'])
          .executeTakeFirstOrThrow()
      ).n,
    )
    expect(expected).toBeGreaterThan(3000)

    for (const path of ['/open-data/challenges.json', '/open-data/challenges.csv']) {
      // node:http, to see the framing headers as sent.
      const { headers, body, chunks } = await new Promise<{
        headers: http.IncomingHttpHeaders
        body: string
        chunks: number
      }>((resolve, reject) => {
        http
          .get(server.origin + path, (res) => {
            const parts: Buffer[] = []
            res.on('data', (c: Buffer) => parts.push(c))
            res.on('end', () =>
              resolve({
                headers: res.headers,
                body: Buffer.concat(parts).toString('utf8'),
                chunks: parts.length,
              }),
            )
            res.on('error', reject)
          })
          .on('error', reject)
      })
      expect(headers['content-length'], path).toBeUndefined()
      expect(headers['transfer-encoding'], path).toBe('chunked')
      expect(chunks, path).toBeGreaterThan(1)
      if (path.endsWith('.json')) {
        const parsed = JSON.parse(body) as { data: Array<{ id: number }> }
        expect(parsed.data).toHaveLength(expected)
        const sorted = [...parsed.data].map((c) => c.id)
        expect(sorted).toEqual([...sorted].sort((a, b) => a - b))
      } else {
        const rows = parseCsv(body.replace(/^\uFEFF/, ''))
        expect(rows).toHaveLength(expected + 1)
        expect(rows.at(-1)![1]).toBe('Massutmaning nummer 2999 med ”citat”, kommatecken och åäö')
      }
    }
  })
})

describe('downloads are paced', () => {
  it('answers 429 with Retry-After once an address has taken its 30 whole-board files an hour', async () => {
    const client = server.client()
    let limited: Response | undefined
    let taken = 0
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await client.get('/open-data/challenges.csv')
      if (response.status === 429) limited = response
      else {
        await response.arrayBuffer()
        taken++
      }
    }
    // Earlier tests in this file downloaded from the same address too.
    expect(taken).toBeLessThanOrEqual(30)
    expect(limited?.status).toBe(429)
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0)
    // A file URL has no page to show: a sentence, readable by other sites' scripts too.
    expect(limited?.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(limited?.headers.get('access-control-allow-origin')).toBe('*')
    expect(await limited?.text()).toMatch(/^För många försök\. Försök igen om \d+ sekunder?\.$/m)
    // HEAD asks about the file without taking one.
    const head = await client.request('/open-data/challenges.json', { method: 'HEAD' })
    expect(head.status).toBe(200)
  })
})
