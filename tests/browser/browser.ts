// Playwright (playwright-core) driving Debian's Chromium. Never `npx playwright install`.
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface ContextOptions extends BrowserContextOptions {
  /** Shorthand for javaScriptEnabled. */
  js?: boolean
}

/**
 * A fresh context (own cookies). Swedish by default: the browser's language decides the
 * server's choice until the user picks one, so we pin it rather than inherit the machine's.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  const { js = true, ...rest } = options
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: js,
    locale: 'sv-SE',
    viewport: { width: 1280, height: 900 },
    ...rest,
  })
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(20_000)
  return context
}

/**
 * With JavaScript on, Remix handles forms with fetch and navigates client-side; wait until it
 * has hydrated so clicks are not lost and submissions go through Remix.
 */
export async function ready(page: Page, js: boolean) {
  await page.waitForLoadState('load')
  if (js) {
    await page.waitForFunction(() => {
      const w = window as unknown as {
        __remixRouter?: { state?: { initialized?: boolean } }
      }
      return Boolean(w.__remixRouter?.state?.initialized)
    })
    // The URL changes when the router's navigation ends, but React renders the new page inside a
    // transition a moment later: wait for the router to be idle and two frames to be painted, so
    // a test never reads the previous page's text under the new URL.
    await page.waitForFunction(() => {
      const w = window as unknown as {
        __remixRouter?: { state?: { navigation?: { state?: string } } }
      }
      return w.__remixRouter?.state?.navigation?.state === 'idle'
    })
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    )
  }
}

/** Open a path and wait for the page to be usable. */
export async function open(page: Page, path: string, js: boolean) {
  const response = await page.goto(path)
  await ready(page, js)
  return response
}

/** The text of the page's main landmark, whitespace collapsed. */
export async function mainText(page: Page) {
  return ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ')
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.se`
}

/** Waits (bounded) for a locator to be visible; fails with a readable message and the page's main text. */
export async function expectVisible(locator: Locator, what: string, timeout = 10_000) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout })
  } catch {
    const page = locator.page()
    const text = await mainText(page).catch(() => '(no main)')
    throw new Error(
      `Expected to see ${what} on ${page.url()}, but did not.\nThe page's main says: ${text.slice(0, 600)}`,
    )
  }
}

/** Waits (bounded) for the URL's path (and optionally query) to match. */
export async function expectPath(page: Page, expected: string | RegExp, timeout = 15_000) {
  const matches = (url: URL) =>
    typeof expected === 'string'
      ? url.pathname + url.search === expected || url.pathname === expected
      : expected.test(url.pathname + url.search)
  try {
    await page.waitForURL(matches, { timeout, waitUntil: 'commit' })
  } catch {
    const text = await mainText(page).catch(() => '(no main)')
    throw new Error(
      `Expected to be at ${expected}, but am at ${page.url()}.\nThe page's main says: ${text.slice(0, 600)}`,
    )
  }
}

/**
 * Signs in through the login form (in Swedish) with `page` and waits until `to`, where the
 * login page sends the person, is open and usable.
 */
export async function signInWithForm(
  page: Page,
  js: boolean,
  who: { email: string; password: string },
  to: string,
) {
  await open(page, `/login?redirectTo=${encodeURIComponent(to)}`, js)
  await page.getByLabel('E-postadress').fill(who.email)
  await page.getByLabel('Lösenord', { exact: true }).fill(who.password)
  await page.locator('main').getByRole('button', { name: 'Logga in' }).click()
  await expectPath(page, to)
  await ready(page, js)
}
