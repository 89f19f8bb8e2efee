// The language switch (works without JavaScript, remembered by a cookie), the nonce-based CSP
// (injected scripts do not run), the skip link, and no sideways scrolling at 320 px.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectPath, expectVisible, newContext, open, ready } from './browser'
import type { TestServer } from './server'
import { serverAndBrowserForFile } from './suite'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

async function lang(page: Page) {
  return page.locator('html').getAttribute('lang')
}

async function h1(page: Page) {
  return (await page.locator('h1').innerText()).trim()
}

describe.each([
  { js: false, mode: 'JavaScript off' },
  { js: true, mode: 'JavaScript on' },
])('language switch with $mode', ({ js }) => {
  let context: BrowserContext

  beforeAll(async () => {
    context = await newContext(browser, server.url, { js })
  })

  afterAll(async () => {
    await context?.close()
  })

  it('switches to English, remembers it across pages, and switches back', async () => {
    const page = await context.newPage()
    await open(page, '/about', js)
    expect(await lang(page)).toBe('sv')
    expect(await h1(page)).toBe('Om Utmana')

    const posted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/language',
    )
    await page.getByRole('button', { name: 'English' }).click()
    expect((await posted).status(), 'POST /language redirects back').toBe(302)
    await expectPath(page, '/about')
    await ready(page, js)
    expect(await lang(page)).toBe('en')
    expect(await h1(page)).toBe('About Utmana')

    const cookie = (await context.cookies()).find((c) => c.name === 'lng')
    expect(cookie, 'a language cookie').toBeDefined()
    expect(cookie?.httpOnly).toBe(true)
    expect(cookie?.sameSite).toBe('Lax')
    expect(cookie?.expires ?? 0, 'the cookie outlives the browser session').toBeGreaterThan(
      Date.now() / 1000 + 30 * 86_400,
    )

    // Follow links: still English.
    await page
      .getByRole('navigation', { name: 'Account' })
      .getByRole('link', { name: 'Create account' })
      .click()
    await expectPath(page, '/register')
    await ready(page, js)
    expect(await lang(page)).toBe('en')
    expect(await h1(page)).toBe('Create account')
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Home' })
      .click()
    await expectPath(page, '/')
    await ready(page, js)
    expect(await lang(page)).toBe('en')
    await expectVisible(
      page.getByRole('heading', { level: 2, name: 'How it works' }),
      'the English home page',
    )

    // A new tab in the same browser (the browser itself asks for Swedish): still English.
    const other = await context.newPage()
    await open(other, '/login', js)
    expect(await lang(other)).toBe('en')
    expect(await h1(other)).toBe('Sign in')

    // And back to Swedish.
    await other.getByRole('button', { name: 'Svenska' }).click()
    await expectPath(other, '/login')
    await ready(other, js)
    expect(await lang(other)).toBe('sv')
    expect(await h1(other)).toBe('Logga in')
    await open(page, '/about', js)
    expect(await lang(page)).toBe('sv')
    expect(await h1(page)).toBe('Om Utmana')
    await other.close()
    await page.close()
  })
})

describe('Content Security Policy', () => {
  it('sends a nonce-based script policy and blocks injected scripts without the nonce', async () => {
    const context = await newContext(browser, server.url, { js: true })
    try {
      const page = await context.newPage()
      const consoleErrors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text())
      })
      const response = await open(page, '/', true)
      const csp = response?.headers()['content-security-policy'] ?? ''
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')

      const result = await page.evaluate(async () => {
        const w = window as unknown as Record<string, unknown>
        const violations: string[] = []
        document.addEventListener('securitypolicyviolation', (e) =>
          violations.push(e.effectiveDirective),
        )

        // 1. A script element without the nonce.
        const injected = document.createElement('script')
        injected.textContent = 'window.__injected = 1'
        document.body.appendChild(injected)

        // 2. An inline event handler smuggled in through HTML.
        const box = document.createElement('div')
        box.innerHTML =
          '<img src="/no-such-image-for-csp-test.png" alt="" onerror="window.__onerror = 1">'
        document.body.appendChild(box)

        // 3. Control: the same with the page's nonce runs, so 1 failing is the CSP's doing.
        const nonce =
          (document.querySelector('script[nonce]') as HTMLScriptElement | null)?.nonce ?? ''
        const control = document.createElement('script')
        control.nonce = nonce
        control.textContent = 'window.__nonced = 1'
        document.body.appendChild(control)

        await new Promise((r) => setTimeout(r, 300))
        return {
          injected: w.__injected,
          onerror: w.__onerror,
          nonced: w.__nonced,
          hadNonce: nonce.length > 0,
          violations,
        }
      })
      expect(result.hadNonce, 'the page’s own scripts carry a nonce').toBe(true)
      expect(result.nonced, 'a script with the nonce runs (control)').toBe(1)
      expect(result.injected, 'an injected <script> without the nonce must not run').toBeUndefined()
      expect(result.onerror, 'an injected inline event handler must not run').toBeUndefined()
      expect(result.violations).toContain('script-src-elem')
      expect(result.violations).toContain('script-src-attr')
      expect(
        consoleErrors.some((t) => /Content Security Policy/i.test(t)),
        'Chromium reports the CSP refusal',
      ).toBe(true)
    } finally {
      await context.close()
    }
  })
})

describe.each([
  { js: false, mode: 'JavaScript off' },
  { js: true, mode: 'JavaScript on' },
])('skip link with $mode', ({ js }) => {
  it('is the first thing Tab reaches, is visible then, and moves focus to main', async () => {
    const context = await newContext(browser, server.url, { js })
    try {
      const page = await context.newPage()
      await open(page, '/', js)
      await page.keyboard.press('Tab')
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        const box = el?.getBoundingClientRect()
        return {
          tag: el?.tagName,
          text: el?.textContent?.trim(),
          href: el?.getAttribute('href'),
          visible: Boolean(
            box &&
            box.width > 0 &&
            box.height > 0 &&
            box.top >= 0 &&
            box.bottom <= window.innerHeight,
          ),
        }
      })
      expect(first).toEqual({
        tag: 'A',
        text: 'Hoppa till innehållet',
        href: '#main',
        visible: true,
      })

      await page.keyboard.press('Enter')
      await page
        .waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5_000 })
        .catch(() => {})
      expect(
        await page.evaluate(
          () => document.activeElement?.tagName + '#' + document.activeElement?.id,
        ),
      ).toBe('MAIN#main')

      // The next Tab continues inside the content, not back in the header.
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true)
    } finally {
      await context.close()
    }
  })
})

describe('320 px wide', () => {
  const cases = [
    { path: '/', lang: 'sv' },
    { path: '/register', lang: 'sv' },
    { path: '/', lang: 'en' },
    { path: '/register', lang: 'en' },
  ] as const

  it.each(cases)('$path ($lang) has no horizontal scroll', async ({ path, lang: language }) => {
    const context = await newContext(browser, server.url, {
      js: true,
      viewport: { width: 320, height: 640 },
      locale: language === 'sv' ? 'sv-SE' : 'en-GB',
    })
    try {
      const page = await context.newPage()
      await open(page, path, true)
      expect(await lang(page)).toBe(language)
      const { scrollWidth, culprits } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth
        const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .filter(
            (el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5),
          )
          .slice(0, 10)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} (right ${Math.round(el.getBoundingClientRect().right)})`,
          )
        return { scrollWidth: document.documentElement.scrollWidth, culprits }
      })
      expect(
        scrollWidth,
        `document scrollWidth at 320 px on ${path}; sticking out: ${culprits.join(', ') || 'nothing found'}`,
      ).toBeLessThanOrEqual(320)
    } finally {
      await context.close()
    }
  })
})
