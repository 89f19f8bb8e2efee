// Small breaks found by trying the board (issue 9, item 9), in Swedish, with and without
// JavaScript: the edit page opens from the challenge page and saves; every nested route shows
// its own page; a sent comment, reply or solution form is emptied and closed with a confirmation;
// a long unbroken word in a title does not widen the page at 320 px.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { memberships, people } from '../../db/seed/demo-data'
import { expectPath, expectVisible, newContext, open, ready, signInWithForm } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'
import { readRow, readRows } from './demo-db'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

const PASSWORD = DEMO.resident.password
const OWNER = DEMO.resident.email
// A resident who belongs to no organisation and is not the owner.
const RESIDENT = people
  .map((p) => p.email)
  .filter((email) => email !== OWNER && !memberships.some((m) => m.email === email))[2]!

const query = <T>(sql: string, ...params: unknown[]) => readRow<T>(server, sql, ...params) as T

/** An open, public challenge posted by a demo resident (who signs in with the demo password). */
const ownersChallenge = () => {
  const emails = people.map((p) => p.email.toLowerCase())
  const rows = readRows<{ id: number; email: string }>(
    server,
    `select c.id, lower(u.email) as email from challenges c join users u on u.id = c.author_id
     where c.hidden_at is null and c.status in ('open', 'in_progress') order by c.id`,
  )
  return rows.find((r) => emails.includes(r.email))!
}

/** A public challenge someone else posted, with a comment to reply to. */
const someonesChallenge = () =>
  query<{ id: number }>(
    `select c.id from challenges c join users u on u.id = c.author_id
     where lower(u.email) <> lower(?) and c.hidden_at is null and c.status in ('open', 'in_progress')
     and exists (select 1 from comments m where m.challenge_id = c.id and m.parent_id is null
       and m.solution_id is null and m.deleted_at is null and m.hidden_at is null)
     order by c.id limit 1`,
    RESIDENT,
  )

async function signIn(context: BrowserContext, email: string, js: boolean, to = '/me') {
  const page = await context.newPage()
  await signInWithForm(page, js, { email, password: PASSWORD }, to)
  return page
}

/** The page is no wider than its window (no sideways scrolling). */
async function widths(page: Page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
}

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('small breaks with $mode', ({ js }) => {
  const contexts: BrowserContext[] = []
  const context = async (options: Parameters<typeof newContext>[2] = {}) => {
    const c = await newContext(browser, server.url, { js, ...options })
    contexts.push(c)
    return c
  }
  afterAll(async () => {
    for (const c of contexts) await c.close()
  })

  it('opens the edit page from "Redigera eller dra tillbaka" and saves an edit', async () => {
    const { id, email } = ownersChallenge()
    const page = await signIn(await context(), email, js, `/challenges/${id}`)
    await page.getByRole('link', { name: 'Redigera eller dra tillbaka' }).click()
    await expectPath(page, `/challenges/${id}/edit`)
    await ready(page, js)
    // Its own page: the form, not the challenge page again.
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Redigera utmaningen' }),
      'the edit page heading',
    )
    expect(await page.locator('#challenge-title').count()).toBe(0)
    const title = `Nytt namn på utmaningen (${js ? 'js' : 'nojs'} ${Date.now().toString(36)})`
    await page.getByLabel('Rubrik').fill(title)
    await page.getByRole('button', { name: 'Spara ändringarna' }).click()
    await expectPath(page, `/challenges/${id}`)
    await expectVisible(page.getByRole('heading', { level: 1, name: title }), 'the new title')
  })

  it('shows each nested route its own page', async () => {
    const solution = query<{ id: number; email: string; challenge_id: number }>(
      `select s.id, u.email, s.challenge_id from solutions s join users u on u.id = s.author_id
       join challenges c on c.id = s.challenge_id
       where s.hidden_at is null and c.hidden_at is null order by s.id limit 1`,
    )
    const page = await signIn(await context(), solution.email, js, `/solutions/${solution.id}/edit`)
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Redigera lösningsförslaget' }),
      'the solution edit page heading',
    )
    expect(await page.getByLabel('Ditt lösningsförslag').count()).toBe(1)
    // The open-data route for one challenge (nested under the list's route) answers for that one.
    const api = await page.request.get(`/api/v1/challenges/${solution.challenge_id}`)
    expect(api.status()).toBe(200)
    expect(((await api.json()) as { data: { id: number } }).data.id).toBe(solution.challenge_id)
  })

  it('empties and closes a sent comment, reply or solution form and says it was saved', async () => {
    const { id } = someonesChallenge()
    const page = await signIn(await context(), RESIDENT, js, `/challenges/${id}`)
    const tag = `${js ? 'js' : 'nojs'}${Date.now().toString(36)}`

    // A comment.
    const comment = page.locator('form#comment')
    await comment.getByLabel('Din kommentar').fill(`Jag håller med (${tag}).`)
    await comment.getByRole('button', { name: 'Publicera kommentaren' }).click()
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Tack! Din kommentar är sparad.' }),
      'the "comment saved" confirmation',
    )
    await ready(page, js)
    await expectVisible(page.getByText(`Jag håller med (${tag}).`), 'the new comment')
    expect(await page.locator('form#comment textarea').inputValue()).toBe('')

    // A reply to the first comment.
    const thread = page.locator('ol.comments > li').first()
    await thread.locator('details.reply > summary').first().click()
    await thread.getByLabel('Ditt svar').fill(`Ett svar (${tag}).`)
    await thread.getByRole('button', { name: 'Publicera svaret' }).click()
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Tack! Ditt svar är sparat.' }),
      'the "reply saved" confirmation',
    )
    await ready(page, js)
    await expectVisible(page.getByText(`Ett svar (${tag}).`), 'the new reply')
    const replyForm = page.locator('ol.comments > li').first().locator('details.reply').last()
    expect(await replyForm.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await replyForm.locator('textarea').inputValue()).toBe('')

    // A proposed solution.
    await page.locator('summary', { hasText: 'Föreslå en lösning' }).click()
    const solution = page.locator('form#solution')
    await solution.getByLabel('Ditt lösningsförslag').fill(`Så här kan det lösas (${tag}).`)
    await solution.getByRole('button', { name: 'Publicera förslaget' }).click()
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Tack! Ditt lösningsförslag är sparat.' }),
      'the "solution saved" confirmation',
    )
    await ready(page, js)
    const solutionDetails = page.locator('details', { has: page.locator('form#solution') })
    expect(await solutionDetails.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false)
    expect(await page.locator('form#solution textarea').inputValue()).toBe('')
  })

  it('keeps the page 320 px wide with one long unbroken word in a title', async () => {
    const word = `Gatubelysningsunderhållsplaneringsproblem${js ? 'J' : 'N'}`.repeat(2)
    const page = await signIn(
      await context({ viewport: { width: 320, height: 640 } }),
      OWNER,
      js,
      '/challenges/new',
    )
    await page.getByLabel('Rubrik').fill(`${word} vid hamnen`)
    await page.getByLabel('Beskrivning').fill('Lamporna längs hamnen är släckta varje kväll.')
    await page.getByLabel('Kategori').selectOption({ index: 1 })
    await page.getByLabel('Stadsdel').selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Publicera' }).click()
    await expectPath(page, /^\/challenges\/\d+$/)
    await ready(page, js)
    await expectVisible(page.getByRole('heading', { level: 1, name: word }), 'the new title')
    const onChallenge = await widths(page)
    expect(onChallenge.scroll).toBeLessThanOrEqual(onChallenge.client)

    await open(page, '/challenges?sort=new', js)
    await expectVisible(
      page.getByRole('heading', { level: 3, name: word }),
      'the card on the board',
    )
    const onBoard = await widths(page)
    expect(onBoard.scroll).toBeLessThanOrEqual(onBoard.client)
  })
})
