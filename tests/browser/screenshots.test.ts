// Screenshots for a human to look at (written to /tmp/utmana-screens/, outside the repository),
// taken while checking what a visitor would notice: styles loaded, nothing failing to load,
// no errors in the console (hydration mismatches, CSP refusals).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page, Request } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectVisible, newContext, open } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'

const SCREENSHOT_DIR = process.env.UTMANA_SCREENSHOT_DIR ?? '/tmp/utmana-screens'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})
beforeAll(() => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
})

function watch(page: Page, js = true) {
  const problems: string[] = []
  // With JavaScript off Chromium refuses the module preloads itself (reported as "csp"): expected.
  const expected = (r: Request) => !js && r.resourceType() === 'script'
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => {
    // Leaving a page cancels what it still loads (e.g. its favicon): ERR_ABORTED, not a fault.
    if (expected(r) || r.failure()?.errorText === 'net::ERR_ABORTED') return
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document')
      problems.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  return problems
}

const SHOTS = [
  { name: 'home', path: '/', width: 1280, height: 900 },
  { name: 'register', path: '/register', width: 1280, height: 900 },
  { name: 'home-320', path: '/', width: 320, height: 640 },
  { name: 'register-320', path: '/register', width: 320, height: 640 },
  { name: 'outcomes', path: '/outcomes', width: 1280, height: 900 },
  { name: 'outcomes-320', path: '/outcomes', width: 320, height: 640 },
  { name: 'open-data', path: '/open-data', width: 1280, height: 900 },
]

describe('screenshots', () => {
  it.each(SHOTS)('$name ($width px)', async ({ name, path: pathname, width, height }) => {
    const context = await newContext(browser, server.url, { js: true, viewport: { width, height } })
    try {
      const page = await context.newPage()
      const problems = watch(page)
      const response = await open(page, pathname, true)
      expect(response?.status()).toBe(200)
      await page.evaluate(() => document.fonts.ready)

      // The stylesheet is applied: the header has its dark brand background.
      const headerBackground = await page
        .locator('header.site-header')
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      expect(headerBackground, 'the site stylesheet is applied').toBe('rgb(7, 63, 120)')

      // Nothing widens the page past the screen (WCAG 1.4.10 reflow): wide tables scroll inside.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      const file = path.join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      expect(fs.statSync(file).size).toBeGreaterThan(5_000)
      expect(problems, 'console errors, failed requests').toEqual([])
    } finally {
      await context.close()
    }
  })

  it('signed-in pages of the demo moderator: reports and my data (1280 and 320 px)', async () => {
    for (const width of [1280, 320]) {
      const context = await newContext(browser, server.url, {
        js: true,
        viewport: { width, height: 900 },
      })
      try {
        const page = await context.newPage()
        const problems = watch(page)
        await open(page, '/login?redirectTo=%2Freports', true)
        await page.getByLabel('E-postadress').fill(DEMO.moderator.email)
        await page.getByLabel('Lösenord', { exact: true }).fill(DEMO.moderator.password)
        await page.locator('main').getByRole('button', { name: 'Logga in' }).click()
        await page.waitForURL(/\/reports$/)
        for (const [name, pathname] of [
          ['reports', '/reports'],
          ['my-data', '/me/data'],
        ] as const) {
          const response = await open(page, pathname, true)
          expect(response?.status()).toBe(200)
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
            `${pathname} fits ${width} px`,
          ).toBeLessThanOrEqual(width)
          const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`)
          await page.screenshot({ path: file, fullPage: true })
          expect(fs.statSync(file).size).toBeGreaterThan(5_000)
        }
        if (width === 1280) {
          // Printed, the report is the figures: no navigation, no filter form, tables included.
          await open(page, '/reports', true)
          await page.emulateMedia({ media: 'print' })
          expect(await page.locator('header.site-header').isVisible()).toBe(false)
          expect(await page.locator('main form').first().isVisible()).toBe(false)
          expect(await page.locator('table.data-table').first().isVisible()).toBe(true)
          await page.screenshot({
            path: path.join(SCREENSHOT_DIR, 'reports-print.png'),
            fullPage: true,
          })
          await page.emulateMedia({ media: 'screen' })
        }
        expect(problems, 'console errors, failed requests').toEqual([])
      } finally {
        await context.close()
      }
    }
  })

  it('register with errors (1280 px)', async () => {
    const context = await newContext(browser, server.url, { js: false })
    try {
      const page = await context.newPage()
      const problems = watch(page, false)
      await open(page, '/register', false)
      await page.getByLabel('E-postadress').fill('not-an-email')
      await page.getByLabel('Lösenord', { exact: true }).fill('abc1234')
      await page
        .getByRole('radio', { name: 'Ett företag eller en förening som inte finns här än' })
        .check()
      await page.locator('main').getByRole('button', { name: 'Skapa konto' }).click()
      await expectVisible(page.locator('.field-errors'), 'field errors')
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, 'register-errors.png'),
        fullPage: true,
      })
      // The form's answer is a 400 document; Chromium logs that as a failed resource.
      const unexpected = problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))
      expect(unexpected, 'console errors, failed requests').toEqual([])
    } finally {
      await context.close()
    }
  })
})
