// WCAG 2.1 AA with axe on every page, in Swedish and English, with JavaScript on and off.
// Also: <html lang> matches the language, exactly one <h1>, one main landmark.
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Axe, describeViolations } from './axe'
import { expectPath, expectVisible, launchBrowser, newContext, open, ready } from './browser'
import { DEMO, startServer, type TestServer } from './server'

let server: TestServer
let browser: Browser
let axe: Axe

beforeAll(async () => {
  // One after the other, so afterAll can stop whatever did start.
  server = await startServer()
  seedModerationFollowThrough()
  browser = await launchBrowser()
  axe = new Axe(browser)
  prepareCreditAndFixedStates()
})

/**
 * Issue 9's new page states in the demo town: the solved challenge has been asked "is it
 * fixed?" and has an answer; the demo resident's own open challenge has a pledge marked done
 * (so its solve form lists candidates and asks the owner to confirm).
 */
function prepareCreditAndFixedStates() {
  const db = new SQLite(server.dbFile)
  try {
    db.pragma('busy_timeout = 5000')
    const { solved } = demoIds()
    const now = new Date().toISOString()
    db.prepare('update challenges set fixed_asked_at = ? where id = ?').run(now, solved)
    const voter = db
      .prepare('select id from users where email != ? order by id limit 1')
      .get(DEMO.resident.email) as { id: number }
    db.prepare(
      'insert or ignore into fixed_answers (challenge_id, user_id, fixed) values (?, ?, 1)',
    ).run(solved, voter.id)
    const own = db
      .prepare(
        `select c.id from challenges c join users u on u.id = c.author_id
         where u.email = ? and c.status in ('open', 'in_progress') and c.hidden_at is null
         order by c.id limit 1`,
      )
      .get(DEMO.resident.email) as { id: number } | undefined
    const org = db.prepare('select id from organisations order by id limit 1').get() as {
      id: number
    }
    if (own) {
      db.prepare(
        `insert into pledges (challenge_id, user_id, organisation_id, plan, status)
         values (?, ?, ?, 'Vi fixar det.', 'completed')`,
      ).run(own.id, voter.id, org.id)
    }
  } finally {
    db.close()
  }
}

/** A one-click "is it fixed?" link, signed as the server signs it (its secret is beside the database). */
function fixedToken(challengeId: number, userId: number) {
  const secret = fs
    .readFileSync(path.join(path.dirname(server.dbFile), '.session-secret'), 'utf8')
    .trim()
  const key = createHmac('sha256', secret).update('fixed-question').digest()
  const mac = createHmac('sha256', key).update(`${challengeId}:${userId}`).digest('base64url')
  return `${challengeId}.${userId}.${mac}`
}

afterAll(async () => {
  await axe?.close()
  await browser?.close()
  await server?.stop()
})

type Lang = 'sv' | 'en'

const TEXT = {
  sv: {
    english: 'English',
    login: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    register: 'Skapa konto',
    me: 'Mitt konto',
  },
  en: {
    english: 'English',
    login: 'Sign in',
    email: 'Email address',
    password: 'Password',
    register: 'Create account',
    me: 'My account',
  },
} as const

/** Switch to English the way a visitor does: the header's language button (a real form POST). */
async function chooseEnglish(page: Page, js: boolean) {
  await open(page, '/about', js)
  await page.getByRole('button', { name: 'English' }).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
  await ready(page, js)
}

async function checkPage(page: Page, js: boolean, lang: Lang) {
  expect(await page.locator('html').getAttribute('lang'), '<html lang>').toBe(lang)
  expect(await page.locator('h1').count(), 'exactly one <h1>').toBe(1)
  expect(await page.getByRole('main').count(), 'one main landmark').toBe(1)
  const results = await axe.analyze(page, js)
  expect(describeViolations(results.violations), `axe violations on ${page.url()}`).toEqual([])
  // A run that checked nothing would pass too: make sure axe actually looked at the page.
  expect(results.passes.length).toBeGreaterThan(5)
}

interface PageCase {
  name: string
  path: string
  status: number
}

const PAGES: PageCase[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'about', path: '/about', status: 200 },
  { name: 'privacy', path: '/privacy', status: 200 },
  { name: 'accessibility statement', path: '/accessibility', status: 200 },
  { name: 'login', path: '/login', status: 200 },
  { name: 'register', path: '/register', status: 200 },
  { name: 'forgot password', path: '/forgot-password', status: 200 },
  {
    name: 'reset link that does not work',
    path: '/reset-password/invalid-token-xxxxxxxxxxxxxxxxxxxx',
    status: 410,
  },
  { name: '404', path: '/does-not-exist', status: 404 },
  { name: 'board', path: '/challenges', status: 200 },
  {
    name: 'board, filtered and searched',
    path: '/challenges?q=buss&sort=top&status=open',
    status: 200,
  },
  { name: 'board, page 2', path: '/challenges?page=2', status: 200 },
  { name: 'a solved challenge', path: '/challenges/SOLVED', status: 200 },
  { name: 'organisations', path: '/organisations', status: 200 },
  { name: 'an organisation', path: '/organisations/ORG', status: 200 },
  { name: 'outcomes', path: '/outcomes', status: 200 },
  { name: 'outcomes, in progress', path: '/outcomes?show=in_progress', status: 200 },
  { name: 'outcomes, not pursued', path: '/outcomes?show=closed', status: 200 },
  { name: 'open data', path: '/open-data', status: 200 },
  { name: 'a mailed "is it fixed?" link', path: '/fixed/FIXED_TOKEN?answer=fixed', status: 200 },
  { name: 'thanks after a flag hid a challenge', path: '/flagged', status: 200 },
  {
    name: 'confirmation link that does not work',
    path: '/confirm-email/invalid-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    status: 404,
  },
]

/**
 * What the demo town lacks for the moderation follow-through pages: on the resident's own
 * challenge, a comment of theirs held by quarantine and one hidden by a moderator (they read
 * both with a notice), and another's comment hidden by flags alone, waiting for a decision in
 * the flagged tab; a held proposal for the pending tab.
 */
function seedModerationFollowThrough() {
  const db = new SQLite(server.dbFile)
  try {
    const resident = db
      .prepare('select id from users where email = ?')
      .get(DEMO.resident.email) as {
      id: number
    }
    const other = db
      .prepare("select id from users where role = 'member' and id != ? order by id limit 1")
      .get(resident.id) as { id: number }
    const own = db
      .prepare('select id from challenges where author_id = ? order by id limit 1')
      .get(resident.id) as { id: number }
    const now = new Date().toISOString()
    const comment = db.prepare(
      `insert into comments (challenge_id, author_id, body_md, body_html, hidden_at, hidden_reason, held_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    comment.run(
      own.id,
      resident.id,
      'Väntar på granskning',
      '<p>Väntar på granskning</p>',
      null,
      null,
      now,
    )
    comment.run(
      own.id,
      resident.id,
      'Dold av en moderator',
      '<p>Dold av en moderator</p>',
      now,
      'offensive',
      null,
    )
    const hidden = comment.run(
      own.id,
      other.id,
      'Köp klockor',
      '<p>Köp klockor</p>',
      now,
      'auto_flags',
      null,
    )
    db.prepare(
      `insert into flags (subject_type, subject_id, challenge_id, user_id, reason) values ('comment', ?, ?, ?, 'spam')`,
    ).run(hidden.lastInsertRowid, own.id, resident.id)
    db.prepare(
      `insert into solutions (challenge_id, author_id, body_md, body_html, held_at, updated_at)
       values (?, ?, 'Ett förslag i karantän', '<p>Ett förslag i karantän</p>', ?, ?)`,
    ).run(own.id, other.id, now, now)
  } finally {
    db.close()
  }
}

/** Real ids from the demo town: a solved challenge (with solutions, pledges, comments) and its solver. */
function demoIds() {
  const db = new SQLite(server.dbFile, { readonly: true })
  try {
    const solved = db
      .prepare(
        `select c.id, o.slug from challenges c join challenge_solvers s on s.challenge_id = c.id
         join organisations o on o.id = s.organisation_id where c.status = 'solved' order by c.id limit 1`,
      )
      .get() as { id: number; slug: string }
    const own = db
      .prepare(
        // An open one first: its page shows the owner's forms (solve, with who solved it).
        `select c.id from challenges c join users u on u.id = c.author_id where u.email = ?
         order by c.status in ('open', 'in_progress') and c.hidden_at is null desc, c.id limit 1`,
      )
      .get(DEMO.resident.email) as { id: number } | undefined
    // The richest triage page: a challenge with a hidden comment under appeal (and flags, a route, an answer).
    const triage = db
      .prepare(`select challenge_id as id from appeals where status = 'open' order by id limit 1`)
      .get() as { id: number }
    const { title } = db.prepare('select title from challenges where id = ?').get(triage.id) as {
      title: string
    }
    const resident = db
      .prepare('select id from users where email = ?')
      .get(DEMO.resident.email) as {
      id: number
    }
    return {
      solved: solved.id,
      org: solved.slug,
      own: own?.id,
      triage: triage.id,
      title,
      resident: resident.id,
    }
  } finally {
    db.close()
  }
}

const resolve = (path: string) => {
  const ids = demoIds()
  return path
    .replace('FIXED_TOKEN', () => fixedToken(ids.solved, ids.resident))
    .replace('SOLVED', String(ids.solved))
    .replace('ORG', ids.org)
    .replace('OWN', String(ids.own))
    .replace('TRIAGE_TITLE', ids.title)
    .replace('TRIAGE', String(ids.triage))
}

/** Every moderation and admin page (and its <h1>); the demo admin may see all of them. */
const STAFF_PAGES: { name: string; path: string; h1: Record<Lang, string>; status?: number }[] = [
  ...['pending', 'flagged', 'unrouted', 'overdue', 'appeals', 'disputes', 'recent'].map((tab) => ({
    name: `moderation queue, tab ${tab}`,
    path: `/moderation?tab=${tab}`,
    h1: { sv: 'Moderering', en: 'Moderation' },
  })),
  {
    name: 'triage of a challenge with an appeal',
    path: '/moderation/challenges/TRIAGE',
    h1: { sv: 'TRIAGE_TITLE', en: 'TRIAGE_TITLE' },
  },
  { name: 'audit log', path: '/moderation/log', h1: { sv: 'Granskningslogg', en: 'Audit log' } },
  ...['department', 'mine', 'overdue', 'answered'].map((show) => ({
    name: `department inbox, ${show}`,
    path: `/inbox?show=${show}`,
    h1: { sv: 'Förvaltningens inkorg', en: 'Department inbox' },
  })),
  { name: 'reports', path: '/reports', h1: { sv: 'Rapporter', en: 'Reports' } },
  {
    name: 'reports with a reversed range (errors shown)',
    path: '/reports?from=2026-06-30&to=2026-01-01',
    h1: { sv: 'Rapporter', en: 'Reports' },
    status: 400,
  },
  { name: 'admin', path: '/admin', h1: { sv: 'Administration', en: 'Administration' } },
  {
    name: 'admin: categories and areas',
    path: '/admin/taxonomy',
    h1: { sv: 'Kategorier och områden', en: 'Categories and areas' },
  },
  {
    name: 'admin: organisations',
    path: '/admin/organisations',
    h1: { sv: 'Organisationer', en: 'Organisations' },
  },
  {
    name: 'admin: users',
    path: '/admin/users',
    h1: { sv: 'Användare och roller', en: 'Users and roles' },
  },
  { name: 'admin: settings', path: '/admin/settings', h1: { sv: 'Inställningar', en: 'Settings' } },
  {
    name: 'admin: reply templates',
    path: '/admin/templates',
    h1: { sv: 'Svarsmallar', en: 'Reply templates' },
  },
]

describe.each([
  { lang: 'sv' as Lang, js: true, mode: 'Swedish, JavaScript on' },
  { lang: 'sv' as Lang, js: false, mode: 'Swedish, JavaScript off' },
  { lang: 'en' as Lang, js: true, mode: 'English, JavaScript on' },
  { lang: 'en' as Lang, js: false, mode: 'English, JavaScript off' },
])('a11y: $mode', ({ lang, js }) => {
  let context: BrowserContext
  let page: Page
  const text = TEXT[lang]

  beforeAll(async () => {
    context = await newContext(browser, server.url, { js })
    page = await context.newPage()
    if (lang === 'en') await chooseEnglish(page, js)
  })

  afterAll(async () => {
    await context?.close()
  })

  it.each(PAGES)('$name ($path)', async ({ path, status }) => {
    const response = await open(page, resolve(path), js)
    expect(response?.status(), `HTTP status of ${path}`).toBe(status)
    await checkPage(page, js, lang)
  })

  it('register after a failed submit (errors shown)', async () => {
    const response = await open(page, '/register', js)
    expect(response?.status()).toBe(200)
    await page.getByLabel(lang === 'sv' ? 'Namn' : 'Name', { exact: true }).fill('A')
    await page.getByLabel(text.email).fill('not-an-email')
    await page.getByLabel(text.password, { exact: true }).fill('short')
    const posted = js
      ? null
      : page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/register',
        )
    await page.locator('main').getByRole('button', { name: text.register }).click()
    if (posted) expect((await posted).status()).toBe(400)
    await expectVisible(page.locator('.field-errors'), 'field errors')
    expect(
      await page.locator('[aria-invalid="true"]').count(),
      'fields marked invalid',
    ).toBeGreaterThanOrEqual(2)
    await checkPage(page, js, lang)
  })

  it('signed-in pages of a demo resident: /me, posting, a challenge with its forms, editing, notifications, my things', async () => {
    const signedIn = await newContext(browser, server.url, { js })
    try {
      const me = await signedIn.newPage()
      if (lang === 'en') await chooseEnglish(me, js)
      await open(me, '/login?redirectTo=%2Fme', js)
      await me.getByLabel(text.email).fill(DEMO.resident.email)
      await me.getByLabel(text.password, { exact: true }).fill(DEMO.resident.password)
      await me.locator('main').getByRole('button', { name: text.login }).click()
      await expectPath(me, '/me')
      await ready(me, js)
      await expectVisible(
        me.getByRole('heading', { level: 1, name: text.me }),
        `the "${text.me}" heading`,
      )
      await checkPage(me, js, lang)
      for (const path of [
        '/challenges/new',
        '/challenges/SOLVED',
        '/challenges/OWN',
        '/challenges/OWN/edit',
        '/me/notifications',
        '/me/data',
        '/me/challenges',
        '/me/following',
        '/me/pledges',
        '/me/reports',
      ]) {
        const response = await open(me, resolve(path), js)
        expect(response?.status(), `HTTP status of ${path}`).toBe(200)
        // Open every <details> so the forms inside are checked too.
        await me.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => (d.open = true)),
        )
        await checkPage(me, js, lang)
      }
    } finally {
      await signedIn.close()
    }
  })

  describe('moderation and admin pages, signed in as the demo admin', () => {
    let staffContext: BrowserContext
    let staff: Page
    /** Script errors (a crash while hydrating shows the error page, which axe would pass). */
    const scriptErrors: string[] = []

    beforeAll(async () => {
      staffContext = await newContext(browser, server.url, { js })
      staff = await staffContext.newPage()
      staff.on('pageerror', (error) => scriptErrors.push(error.message))
      staff.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          scriptErrors.push(message.text().split('\n')[0]!)
      })
      if (lang === 'en') await chooseEnglish(staff, js)
      await open(staff, '/login?redirectTo=%2Fmoderation', js)
      await staff.getByLabel(text.email).fill(DEMO.admin.email)
      await staff.getByLabel(text.password, { exact: true }).fill(DEMO.admin.password)
      await staff.locator('main').getByRole('button', { name: text.login }).click()
      await expectPath(staff, '/moderation')
      await ready(staff, js)
    })

    afterAll(async () => {
      await staffContext?.close()
    })

    it.each(STAFF_PAGES)('$name ($path)', async ({ path, h1, status = 200 }) => {
      scriptErrors.length = 0
      const response = await open(staff, resolve(path), js)
      expect(response?.status(), `HTTP status of ${path}`).toBe(status)
      await expectVisible(
        staff.getByRole('heading', { level: 1, name: resolve(h1[lang]), exact: true }),
        `the heading "${resolve(h1[lang])}"`,
      )
      // Open every <details> so the forms inside are checked too.
      await staff.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      await checkPage(staff, js, lang)
      expect(
        await staff.getByRole('heading', { level: 1 }).innerText(),
        'still the page, not the error page',
      ).toBe(resolve(h1[lang]))
      expect(scriptErrors, `script errors on ${path}`).toEqual([])
    })
  })
})
