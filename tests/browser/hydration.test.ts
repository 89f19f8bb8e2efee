// The page first, its scripts after (patches/README.md, "@remix-run/react"): a document names
// none of its modules for the browser to fetch while it parses; they are fetched once the page
// has loaded (its stylesheet and the photos it shows first), and then the page hydrates.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newContext, open } from './browser'
import { startServer, type TestServer } from './server'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('scripts after the page has loaded', () => {
  it('names no module in the document; fetches them after the load event, then hydrates', async () => {
    const context = await newContext(browser, server.url)
    const page = await context.newPage()
    const documents: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents.push(r.url())
    })
    const response = await open(page, '/challenges/1', true)
    const html = await response!.text()
    expect(html).not.toMatch(/<link[^>]*modulepreload/)
    expect(html).not.toMatch(/<script[^>]* src=/)

    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[]
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/build/') && e.name.endsWith('.js'))
      return {
        loadEventStart: navigation!.loadEventStart,
        scriptStarts: scripts.map((e) => e.startTime),
      }
    })
    expect(timing.scriptStarts.length).toBeGreaterThan(3)
    expect(Math.min(...timing.scriptStarts)).toBeGreaterThanOrEqual(timing.loadEventStart)

    // Hydrated: a link is followed by the client router, not by loading a new document.
    documents.length = 0
    await page
      .getByRole('link', { name: /utmaningar|challenges/i })
      .first()
      .click()
    await page.waitForURL(/\/challenges$/)
    expect(documents).toEqual([])
    await context.close()
  })

  it('without JavaScript the page is whole and asks for no script', async () => {
    const context = await newContext(browser, server.url, { js: false })
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url())
    })
    await open(page, '/challenges/1', false)
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBeTruthy()
    expect(scripts).toEqual([])
    await context.close()
  })
})
