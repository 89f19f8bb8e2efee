// The map as an addition (issue 13): tiles from a stub tile server on loopback, drawn only with
// JavaScript, keyboard-operable, no CSP violation, axe clean; without JavaScript the place and
// the board's map view are text and a list. Pages without a map load no map code.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import SQLite from 'better-sqlite3'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Axe, describeViolations } from './axe'
import { expectVisible, newContext, open } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'

let tiles: http.Server
let tileUrl = ''
const tileRequests: string[] = []

beforeAll(async () => {
  // A light grey 256 px tile for any /{z}/{x}/{y}.png, as a real tile server answers.
  const png = await sharp({
    create: { width: 256, height: 256, channels: 3, background: '#eeeeee' },
  })
    .png()
    .toBuffer()
  tiles = http.createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      tileRequests.push(req.url!)
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': png.length })
      res.end(png)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve))
  tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise<void>((resolve) => tiles?.close(() => resolve()))
})

let server: TestServer
let browser: Browser
let axe: Axe
serverAndBrowserForFile(
  (s, b) => {
    server = s
    browser = b
  },
  () => ({ env: { MAP_TILES_URL: `${tileUrl}/{z}/{x}/{y}.png`, MAP_ATTRIBUTION: 'Stubbkartan' } }),
)

const PLACE = { lat: 56.0465, lng: 12.6945, text: 'Busshållplatsen vid Stortorget' }
let placed: { id: number; title: string }
let unplaced: { id: number; title: string }

beforeAll(() => {
  axe = new Axe(browser)
  // Two open demo challenges: one given a place directly in the database, one left without.
  const db = new SQLite(server.dbFile)
  try {
    db.pragma('busy_timeout = 5000')
    const rows = db
      .prepare(
        `select id, title from challenges where status = 'open' and hidden_at is null
         and merged_into_id is null order by id limit 2`,
      )
      .all() as Array<{ id: number; title: string }>
    ;[placed, unplaced] = rows as [typeof placed, typeof unplaced]
    db.prepare('update challenges set lat = ?, lng = ?, place_text = ? where id = ?').run(
      PLACE.lat,
      PLACE.lng,
      PLACE.text,
      placed.id,
    )
  } finally {
    db.close()
  }
})
afterAll(async () => {
  await axe?.close()
})

/** CSP violations, from the console and from the page's own securitypolicyviolation events. */
function watchCsp(page: Page) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`)
    })
  })
  return violations
}

/** Which map code the page fetched. */
function watchMapCode(page: Page) {
  const fetched: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (/leaflet|draw\.client/i.test(url)) fetched.push(new URL(url).pathname)
  })
  return fetched
}

async function expectAxeClean(page: Page, js: boolean) {
  const results = await axe.analyze(page, js)
  expect(describeViolations(results.violations), `axe violations on ${page.url()}`).toEqual([])
  expect(results.passes.length).toBeGreaterThan(5)
}

async function activeElement(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return {
      tag: el?.tagName.toLowerCase(),
      role: el?.getAttribute('role'),
      alt: el?.getAttribute('alt'),
      text: el?.textContent?.trim(),
      href: el?.getAttribute('href'),
    }
  })
}

describe('with JavaScript', () => {
  let context: BrowserContext
  beforeAll(async () => {
    context = await newContext(browser, server.url, { js: true })
  })
  afterAll(async () => {
    await context?.close()
  })

  it('loads no map code on a page without a map', async () => {
    const page = await context.newPage()
    const fetched = watchMapCode(page)
    await open(page, '/', true)
    await open(page, `/challenges/${unplaced.id}`, true)
    await open(page, '/challenges', true)
    expect(fetched).toEqual([])
    await page.close()
  })

  it("draws the challenge's place with tiles from the tile server, a marker reachable by keyboard, no CSP violation, axe clean", async () => {
    const page = await context.newPage()
    const violations = watchCsp(page)
    const fetched = watchMapCode(page)
    const before = tileRequests.length
    await open(page, `/challenges/${placed.id}`, true)
    const map = page.getByRole('region', { name: `Karta: ${placed.title}` })
    await expectVisible(map, 'the map')
    const marker = map.getByRole('button', { name: placed.title })
    await expectVisible(marker, 'the marker named by the title')
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.leaflet-tile')].some(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    )
    expect(tileRequests.length, 'tiles were fetched from the stub').toBeGreaterThan(before)
    expect(
      fetched.some((p) => p.includes('draw.client')),
      'the map code chunk',
    ).toBe(true)
    expect(
      fetched.some((p) => p.endsWith('.css')),
      "Leaflet's stylesheet",
    ).toBe(true)
    await expectVisible(map.getByText('Stubbkartan'), 'the attribution')

    // Keyboard: the map is focusable; Tab goes to the marker; Enter opens its popup with the
    // focus on its link; Escape closes it and gives the focus back to the marker.
    await map.focus()
    await page.keyboard.press('Tab')
    expect(await activeElement(page)).toMatchObject({ role: 'button', alt: placed.title })
    await page.keyboard.press('Enter')
    await expectVisible(page.locator('.leaflet-popup'), 'the popup')
    expect(await activeElement(page)).toMatchObject({
      tag: 'a',
      text: 'Öppna platsen i OpenStreetMap',
    })
    expect((await activeElement(page)).href).toContain('mlat=56.0465&mlon=12.6945')
    await expectVisible(page.locator('.leaflet-popup').getByText(PLACE.text), 'the place text')
    await expectAxeClean(page, true)
    await page.keyboard.press('Escape')
    await page.locator('.leaflet-popup').waitFor({ state: 'detached' })
    expect(await activeElement(page)).toMatchObject({ role: 'button', alt: placed.title })
    // Space opens it too, as on any button.
    await page.keyboard.press(' ')
    await expectVisible(page.locator('.leaflet-popup'), 'the popup again')
    await page.keyboard.press('Escape')

    await expectAxeClean(page, true)
    expect(violations).toEqual([])
    await page.close()
  })

  it("shows the board's map view with a marker per challenge with a place, opening on a link", async () => {
    const page = await context.newPage()
    const violations = watchCsp(page)
    await open(page, '/challenges', true)
    await page
      .getByRole('navigation', { name: 'Visa som' })
      .getByRole('link', { name: 'Karta' })
      .click()
    await page.waitForURL(/view=map/)
    const map = page.getByRole('region', { name: 'Karta över utmaningarna' })
    await expectVisible(map, 'the board map')
    const list = page.locator('#map-list li')
    await expectVisible(list, 'the list of challenges with a place')
    const markers = map.locator('.leaflet-marker-icon')
    await expectVisible(markers, 'a marker')
    expect(await markers.count()).toBe(await list.count())
    await expectVisible(
      page.getByText(/utmaningar? saknar plats på kartan/),
      'the count without a place',
    )
    // The marker's popup links to the challenge, and the link navigates.
    await map.getByRole('button', { name: placed.title }).focus()
    await page.keyboard.press('Enter')
    const link = page.locator('.leaflet-popup').getByRole('link', { name: placed.title })
    await expectVisible(link, 'the link in the popup')
    await expectAxeClean(page, true)
    await link.click()
    await page.waitForURL(new RegExp(`/challenges/${placed.id}$`))
    expect(violations).toEqual([])
    await page.close()
  })

  // Runs once the new-challenge form places <PlacePicker> inside #place-coordinates.
  it('helps fill the coordinates on the new-challenge form: my position, a click, the centre', async (test) => {
    const ctx = await newContext(browser, server.url, {
      js: true,
      permissions: ['geolocation'],
      geolocation: { latitude: 56.046512, longitude: 12.694549 },
    })
    try {
      const page = await ctx.newPage()
      const violations = watchCsp(page)
      await open(page, '/login', true)
      await page.getByLabel('E-postadress').fill(DEMO.resident.email)
      await page.getByLabel('Lösenord').fill(DEMO.resident.password)
      await page.getByRole('button', { name: 'Logga in' }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/login'))
      await open(page, '/challenges/new', true)
      // Drawn after hydration; absent (skip) until the form has the picker. The coordinates
      // may sit in a closed <details>, hidden from the accessibility tree until opened.
      const present = await page
        .locator('#place-coordinates button', { hasText: 'Använd min position' })
        .waitFor({ state: 'attached', timeout: 5_000 })
        .then(() => true)
        .catch(() => false)
      if (!present) return test.skip()
      const summary = page.locator('details:has(#place-coordinates) > summary')
      if ((await summary.count()) > 0) await summary.click()
      const position = page.getByRole('button', { name: 'Använd min position' })
      await position.click()
      await expectVisible(page.getByText('Platsen är satt till 56.0465, 12.6945.'), 'the status')
      expect(await page.locator('#place-lat').inputValue()).toBe('56.0465')
      expect(await page.locator('#place-lng').inputValue()).toBe('12.6945')

      await page.getByRole('button', { name: 'Välj på kartan' }).click()
      const map = page.getByRole('region', { name: 'Karta för att välja platsen' })
      await expectVisible(map.locator('.leaflet-marker-icon'), 'the chosen point on the map')
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.map-picker .leaflet-tile')].some(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      )
      // A click north-east of the point moves it north-east.
      await map.scrollIntoViewIfNeeded()
      const box = (await map.boundingBox())!
      await page.mouse.click(box.x + box.width / 2 + 100, box.y + box.height / 2 - 50)
      await expect
        .poll(async () => Number(await page.locator('#place-lat').inputValue()))
        .toBeGreaterThan(56.0465)
      expect(Number(await page.locator('#place-lng').inputValue())).toBeGreaterThan(12.6945)
      // By keyboard: the arrows move the map west, the button takes its centre.
      await map.focus()
      await page.keyboard.press('ArrowLeft')
      await page.keyboard.press('ArrowLeft')
      await page.waitForFunction(() => !document.querySelector('.leaflet-pan-anim'))
      await page.getByRole('button', { name: 'Använd kartans mitt' }).click()
      await expect
        .poll(async () => Number(await page.locator('#place-lng').inputValue()))
        .toBeLessThan(12.6945)
      await expectAxeClean(page, true)
      expect(violations).toEqual([])
    } finally {
      await ctx.close()
    }
  })
})

describe('without JavaScript', () => {
  let context: BrowserContext
  beforeAll(async () => {
    context = await newContext(browser, server.url, { js: false })
  })
  afterAll(async () => {
    await context?.close()
  })

  it('shows the challenge page without a map or map code', async () => {
    const page = await context.newPage()
    const fetched = watchMapCode(page)
    const tilesBefore = tileRequests.length
    await open(page, `/challenges/${placed.id}`, false)
    await expectVisible(page.getByRole('heading', { level: 1, name: placed.title }), 'the title')
    expect(await page.locator('.leaflet-container, #challenge-map-heading').count()).toBe(0)
    expect(fetched).toEqual([])
    expect(tileRequests.length, 'no tiles fetched').toBe(tilesBefore)
    await expectAxeClean(page, false)
    await page.close()
  })

  it("shows the board's map view as a list with the places, the switch as links", async () => {
    const page = await context.newPage()
    await open(page, '/challenges', false)
    await page
      .getByRole('navigation', { name: 'Visa som' })
      .getByRole('link', { name: 'Karta' })
      .click()
    await page.waitForURL(/view=map/)
    const item = page.locator('#map-list li').filter({ hasText: placed.title })
    await expectVisible(item, 'the challenge in the list')
    await expectVisible(item.getByText(PLACE.text), 'its place as text')
    await expectVisible(
      page.getByText(/utmaningar? saknar plats på kartan/),
      'the count without a place',
    )
    expect(await page.locator('.leaflet-container').count()).toBe(0)
    // The filters keep the view.
    await page.getByLabel('Sortera').selectOption('top')
    await page.getByRole('button', { name: 'Visa', exact: true }).click()
    await page.waitForURL(/sort=top/)
    expect(new URL(page.url()).searchParams.get('view')).toBe('map')
    await expectAxeClean(page, false)
    await page.close()
  })
})
