// Issue 13 in a real browser, with JavaScript on and off: a resident posts a challenge with two
// photos and their alternative texts, one photo carrying a GPS position, and chooses to use its
// place; the images the browser loads carry no EXIF; the page shows the place as text; axe finds
// nothing on the form with photos and on the challenge page with photos.
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cameraJpeg, metadataOf, smallPng } from '../helpers/photos'
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
    {
      name: 'tunnel.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraJpeg({ gps: { lat: 56.04653, lng: 12.69452 } }),
    },
    { name: 'brunn.png', mimeType: 'image/png', buffer: await smallPng() },
  ]
})

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('photos and place with $mode', ({ js }) => {
  const contexts: BrowserContext[] = []
  afterAll(async () => {
    for (const c of contexts) await c.close()
  })

  it('posts two photos with alt texts, uses the photo’s place, and serves them without EXIF', async () => {
    const context = await newContext(browser, server.url, { js })
    contexts.push(context)
    const page = await context.newPage()
    await signInWithForm(page, js, DEMO.resident, '/challenges/new')

    const title = `Vattenfylld gångtunnel vid stationen (${js ? 'js' : 'nojs'})`
    await page.getByLabel('Rubrik').fill(title)
    await page.getByLabel('Beskrivning').fill('Tunneln står under vatten efter varje regn.')
    await page.getByLabel('Kategori').selectOption({ index: 1 })
    await page.getByLabel('Stadsdel').selectOption({ index: 1 })
    await page.getByLabel('Plats', { exact: true }).fill('Gångtunneln under järnvägen')
    await page.getByLabel('Lägg till foton').setInputFiles(files)

    if (!js) {
      // Without JavaScript the photos are uploaded first and come back with their text fields.
      await page.getByRole('button', { name: 'Ladda upp foton' }).click()
      await ready(page, js)
      await expect.poll(() => page.getByLabel('Alternativ text för foto 2').count()).toBe(1)
    }
    await page.getByLabel('Alternativ text för foto 1').fill('Gångtunnel med vatten till knähöjd')
    await page.getByLabel('Alternativ text för foto 2').fill('Igensatt brunn vid tunnelns mynning')
    await page.getByLabel('Bildtext för foto 1 (valfri)').fill('Måndag morgon')
    await page.getByLabel('Använd platsen där ett foto togs som utmaningens plats').check()
    await axe.expectNoViolations(page, js, 'the form with two photos')

    await page.getByRole('button', { name: 'Publicera', exact: true }).click()
    await expectPath(page, /^\/challenges\/\d+$/)
    await ready(page, js)

    const text = await mainText(page)
    expect(text).toContain('Gångtunneln under järnvägen')
    expect(text).toContain('56.0465, 12.6945')
    expect(text).toContain('Måndag morgon')
    const images = page.locator('.photo-gallery img')
    await expect.poll(() => images.count()).toBe(2)
    expect(await images.nth(0).getAttribute('alt')).toBe('Gångtunnel med vatten till knähöjd')
    expect(await images.nth(1).getAttribute('alt')).toBe('Igensatt brunn vid tunnelns mynning')

    // The bytes the browser chose to load (currentSrc), and the JPEG fallback and full size.
    await images.nth(0).scrollIntoViewIfNeeded()
    await images.nth(1).scrollIntoViewIfNeeded()
    await expect
      .poll(() => images.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete)))
      .toBe(true)
    const urls = await images.evaluateAll((els) =>
      els.flatMap((e) => {
        const img = e as HTMLImageElement
        return [img.currentSrc, img.src, (img.closest('a') as HTMLAnchorElement).href]
      }),
    )
    expect(
      urls.some((u) => u.endsWith('.webp')),
      'the browser picked WebP',
    ).toBe(true)
    for (const url of urls) {
      const response = await context.request.get(url)
      expect(response.status(), url).toBe(200)
      expect(await metadataOf(Buffer.from(await response.body())), url).toEqual({
        exif: 0,
        xmp: 0,
        iptc: 0,
        markers: [],
      })
    }
    await axe.expectNoViolations(page, js, 'the challenge page with photos')

    // On a phone the first photo keeps the width and the others go two to a row, so they load
    // their 480-px files while the first, the page's largest paint, loads its 768-px one.
    const phone = await newContext(browser, server.url, {
      js,
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
    })
    contexts.push(phone)
    const phonePage = await phone.newPage()
    await open(phonePage, new URL(page.url()).pathname, js)
    const shown = phonePage.locator('.photo-gallery img')
    await shown.nth(1).scrollIntoViewIfNeeded()
    await expect
      .poll(() => shown.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete)))
      .toBe(true)
    const chosen = await shown.evaluateAll((els) =>
      els.map((e) => {
        const img = e as HTMLImageElement
        return [img.currentSrc.split('/').pop(), Math.round(img.getBoundingClientRect().width)]
      }),
    )
    expect(chosen).toEqual([
      ['page.webp', 380],
      ['card.webp', 184],
    ])
  })
})
