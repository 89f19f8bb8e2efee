// Issue 13, "done when": a moderator hides one photo and its URL answers 404 to a visitor; in a
// real browser with JavaScript on and off. A resident posts a challenge with two photos through
// the form; a moderator hides one from the challenge's triage page with a reason; a visitor's
// browser gets 404 for its URL while the other photo still loads; the resident sees the reason
// under their photo with the appeal; axe finds nothing on the triage page with its photos.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smallPng } from '../helpers/photos'
import { Axe } from './axe'
import { expectPath, mainText, newContext, open, ready, signInWithForm } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'

let server: TestServer
let browser: Browser
let axe: Axe
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
  axe = new Axe(b)
})
afterAll(() => axe?.close())

let files: { name: string; mimeType: string; buffer: Buffer }[]
beforeAll(async () => {
  files = [
    { name: 'skylt.png', mimeType: 'image/png', buffer: await smallPng(640, 480) },
    { name: 'bank.png', mimeType: 'image/png', buffer: await smallPng(480, 640) },
  ]
})

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('hiding a photo with $mode', ({ js }) => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const c of contexts) await c.close()
  })
  async function context() {
    const c = await newContext(browser, server.url, { js })
    contexts.push(c)
    return c
  }
  async function signIn(c: BrowserContext, email: string, password: string, to: string) {
    const page = await c.newPage()
    await signInWithForm(page, js, { email, password }, to)
    return page
  }

  it('a moderator hides one photo with a reason; a visitor gets 404, the author reads why', async () => {
    // The resident posts a challenge with two photos.
    const resident = await context()
    const page = await signIn(
      resident,
      DEMO.resident.email,
      DEMO.resident.password,
      '/challenges/new',
    )
    const title = `Skylt med bilnummer vid torget (${js ? 'js' : 'nojs'})`
    await page.getByLabel('Rubrik').fill(title)
    await page.getByLabel('Beskrivning').fill('Parkeringsskylten vid torget har vält.')
    await page.getByLabel('Kategori').selectOption({ index: 1 })
    await page.getByLabel('Stadsdel').selectOption({ index: 1 })
    await page.getByLabel('Lägg till foton').setInputFiles(files)
    if (!js) {
      await page.getByRole('button', { name: 'Ladda upp foton' }).click()
      await ready(page, js)
      await expect.poll(() => page.getByLabel('Alternativ text för foto 2').count()).toBe(1)
    }
    await page
      .getByLabel('Alternativ text för foto 1')
      .fill('Vält parkeringsskylt med en bil bakom')
    await page.getByLabel('Alternativ text för foto 2').fill('Torget från kyrktrappan')
    await page.getByRole('button', { name: 'Publicera', exact: true }).click()
    await expectPath(page, /^\/challenges\/\d+$/)
    await ready(page, js)
    const challengeId = Number(new URL(page.url()).pathname.split('/')[2])
    const images = page.locator('.photo-gallery img')
    await expect.poll(() => images.count()).toBe(2)
    const [hiddenUrl, keptUrl] = await images.evaluateAll((els) =>
      els.map((e) => new URL((e as HTMLImageElement).src).pathname),
    )
    expect(hiddenUrl).toMatch(/^\/photos\/[A-Za-z0-9_-]{22}\/page\.jpg$/)

    // The moderator opens the triage page: both photos, each with its alt text and a form.
    const moderatorContext = await context()
    const triagePath = `/moderation/challenges/${challengeId}`
    const triage = await signIn(
      moderatorContext,
      DEMO.moderator.email,
      DEMO.moderator.password,
      triagePath,
    )
    const photos = triage.getByRole('region', { name: /^Foton/ })
    const text = await photos.innerText()
    expect(text).toContain('Vält parkeringsskylt med en bil bakom')
    expect(text).toContain('Torget från kyrktrappan')
    await axe.expectNoViolations(triage, js, 'the triage page with its photos')

    const row = photos.locator('li').filter({ hasText: 'Vält parkeringsskylt med en bil bakom' })
    const label = (await row.locator('strong').first().innerText()).trim()
    expect(label).toMatch(/^Foto #\d+$/)
    await row.getByLabel(`Skäl att dölja ${label}`).selectOption('personal_data')
    await row.getByRole('button', { name: `Dölj: ${label}` }).click()
    await expectPath(triage, triagePath)
    await ready(triage, js)
    await expect.poll(() => row.innerText()).toContain('dolt: personuppgifter om andra')
    await expect
      .poll(() => row.getByRole('button', { name: `Återställ: ${label}` }).count())
      .toBe(1)
    await axe.expectNoViolations(triage, js, 'the triage page with a hidden photo')

    // A visitor: the hidden photo's URL is a 404 at every size; the other photo still loads.
    const visitor = await context()
    for (const size of ['card', 'page', 'full'])
      for (const format of ['webp', 'jpg']) {
        const url = hiddenUrl!.replace(/page\.jpg$/, `${size}.${format}`)
        expect((await visitor.request.get(url)).status(), url).toBe(404)
      }
    expect((await visitor.request.get(keptUrl!)).status()).toBe(200)
    const visitorPage = await visitor.newPage()
    await open(visitorPage, `/challenges/${challengeId}`, js)
    await expect.poll(() => visitorPage.locator('.photo-gallery img').count()).toBe(1)
    expect(await visitorPage.content()).not.toContain(hiddenUrl!.split('/')[2])

    // The author sees their photo with the reason and may appeal.
    await open(page, `/challenges/${challengeId}`, js)
    const own = await mainText(page)
    expect(own).toContain(
      'Fotot är dolt av en moderator och syns inte för andra. Skäl: personuppgifter om andra',
    )
    expect(await page.getByText('Överklaga beslutet').count()).toBeGreaterThan(0)
    expect((await resident.request.get(hiddenUrl!)).status()).toBe(200)
    await axe.expectNoViolations(page, js, 'the author’s page with a hidden photo')
  })
})
