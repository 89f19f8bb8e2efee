// axe-core in the browser. With JavaScript off axe cannot run in the page itself (its timers
// never fire), so the no-JS DOM is copied, scripts removed, into a JS-enabled page at the same
// URL (so the same stylesheet applies) and analysed there.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'
import { expect } from 'vitest'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

const COPY_CSP =
  "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'"
const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi

/** One readable line per failing node: rule, impact, selector, what to fix. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? 'n/a'}) at ${n.target.map(String).join(' >> ')}: ${v.help}` +
        (n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  )
}

export class Axe {
  private analysisContext: BrowserContext | undefined

  constructor(private readonly browser: Browser) {}

  async analyze(page: Page, js: boolean): Promise<AxeResults> {
    if (js) return new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    const url = page.url()
    const html = (await page.content()).replace(SCRIPT, '')
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 }
    this.analysisContext ??= await this.browser.newContext({ javaScriptEnabled: true, viewport })
    const copy = await this.analysisContext.newPage()
    try {
      await copy.setViewportSize(viewport)
      await copy.route(
        (u) => u.href === url,
        (route) =>
          route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            // Like the app's CSP, so inline styles are ignored here as they are on the real page.
            headers: { 'Content-Security-Policy': COPY_CSP },
            body: html,
          }),
      )
      await copy.goto(url, { waitUntil: 'load' })
      return await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze()
    } finally {
      await copy.close()
    }
  }

  /** Fails the test with one line per violation axe finds on the page; `what` says which page. */
  async expectNoViolations(page: Page, js: boolean, what: string) {
    const results = await this.analyze(page, js)
    expect(describeViolations(results.violations), what).toEqual([])
  }

  async close() {
    await this.analysisContext?.close()
  }
}
