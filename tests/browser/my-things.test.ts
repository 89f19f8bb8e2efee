// "My things" as the demo resident uses them: unfollow from the list and follow again, with
// JavaScript on and off; every page fits a 320 px phone and a desktop (screenshots written to
// /tmp/utmana-screens/ for a human to look at).
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectVisible, newContext, open, ready, signInWithForm } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'
import { readRow } from './demo-db'

const SCREENSHOT_DIR = process.env.UTMANA_SCREENSHOT_DIR ?? '/tmp/utmana-screens'
const PAGES = ['/me', '/me/challenges', '/me/following', '/me/pledges', '/me/reports']

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})
beforeAll(() => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
})

/** Read-only look at the demo database: a public challenge by someone else, and its count. */
const query = <T>(sql: string, ...params: unknown[]) => readRow<T>(server, sql, ...params) as T

async function signIn(page: Page, js: boolean) {
  await signInWithForm(page, js, DEMO.resident, '/me/following')
}

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('my things, $mode', ({ js }) => {
  it('follows a challenge, unfollows it from /me/following and follows it again', async () => {
    const context = await newContext(browser, server.url, { js })
    try {
      const page = await context.newPage()
      await signIn(page, js)
      // A public challenge the resident did not post and does not follow yet.
      const target = query<{ id: number; title: string }>(
        `select c.id, c.title from challenges c join users u on u.email = ?
         where c.author_id is not u.id and c.hidden_at is null and c.merged_into_id is null
           and c.status = 'open'
           and not exists (select 1 from follows f where f.challenge_id = c.id and f.user_id = u.id)
         order by c.id ${js ? 'asc' : 'desc'} limit 1`,
        DEMO.resident.email,
      )
      const count = () =>
        query<{ n: number }>('select follower_count as n from challenges where id = ?', target.id).n

      await open(page, `/challenges/${target.id}`, js)
      await page.getByRole('button', { name: 'Följ', exact: true }).click()
      await expectVisible(page.getByRole('button', { name: 'Du följer' }), 'the "following" state')
      const following = count()

      await open(page, '/me/following', js)
      const unfollow = page.getByRole('button', { name: `Sluta följa: ${target.title}` })
      await expectVisible(unfollow, 'the unfollow button of the followed challenge')
      await unfollow.click()
      await expectVisible(
        page.getByRole('status').getByText(`Du följer inte längre ”${target.title}”.`),
        'the unfollowed notice',
      )
      await ready(page, js)
      expect(await page.getByRole('button', { name: `Sluta följa: ${target.title}` }).count()).toBe(
        0,
      )
      expect(count()).toBe(following - 1)

      await page.getByRole('button', { name: 'Följ igen' }).click()
      await expectVisible(
        page.getByRole('button', { name: `Sluta följa: ${target.title}` }),
        'the challenge back in the list',
      )
      expect(count()).toBe(following)
    } finally {
      await context.close()
    }
  })
})

describe('my things on a phone and a desktop', () => {
  it.each([320, 1280])('every page fits %i px', async (width) => {
    const context = await newContext(browser, server.url, {
      js: true,
      viewport: { width, height: 800 },
    })
    try {
      const page = await context.newPage()
      // A hydration mismatch or a value only the server knows shows up here after hydration.
      const problems: string[] = []
      page.on('pageerror', (e) => problems.push(e.message))
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text())
      })
      await signIn(page, true)
      for (const pathname of PAGES) {
        const response = await open(page, pathname, true)
        expect(response?.status(), pathname).toBe(200)
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${pathname} fits ${width} px`,
        ).toBeLessThanOrEqual(width)
        const name = `me${pathname.slice(3).replace(/\//g, '-') || ''}-${width}.png`
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true })
        expect(await page.locator('main').innerText(), pathname).not.toMatch(/NaN|undefined/)
      }
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
