// Issue 9's loop, walked in a real browser with JavaScript on and off: a resident posts; a
// moderator routes it to a department with a contact and a reply template in one submit; the
// contact finds it in the department inbox and in their notifications, and answers officially;
// the resident's notification quotes the answer; a business takes it on and marks its work
// done; the resident marks it solved crediting the business; the business's profile and
// /outcomes show the credit; fourteen days later (the clock moved for the question's job) the
// resident answers "fixed" from the link in the mail.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { people } from '../../db/seed/demo-data'
import {
  expectPath,
  expectVisible,
  mainText,
  newContext,
  open,
  ready,
  signInWithForm,
} from './browser'
import { DEMO, type TestServer } from './server'
import { demoBusinessOwner, serverAndBrowserForFile } from './suite'
import { readRows } from './demo-db'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

const PASSWORD = DEMO.resident.password
const DAY = 24 * 60 * 60 * 1000

// The business: the owner of a demo business organisation (not the resident).
const { email: BUSINESS_OWNER, organisation: BUSINESS } = demoBusinessOwner()
const DEMO_PEOPLE = new Set(people.map((p) => p.email))

const query = <T>(sql: string, ...params: unknown[]) => readRows<T>(server, sql, ...params)
const one = <T>(sql: string, ...params: unknown[]) => query<T>(sql, ...params)[0]

/** A municipal department with a demo member who is neither the resident nor the business. */
function departmentContact() {
  return query<{ id: number; name: string; email: string; user_id: number; user_name: string }>(
    `select o.id, o.name, u.email, u.id as user_id, u.name as user_name from organisations o
     join memberships m on m.organisation_id = o.id and m.status = 'active'
     join users u on u.id = m.user_id where o.kind = 'municipality' order by o.id, u.id`,
  ).find(
    (d) =>
      DEMO_PEOPLE.has(d.email) && d.email !== DEMO.resident.email && d.email !== BUSINESS_OWNER,
  )!
}

/** Polls the outbox (read-only) for the newest mail to `email` whose text matches. */
async function waitForMail(email: string, pattern: RegExp, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rows = query<{ text_body: string }>(
      `select text_body from email_outbox where lower(to_address) = lower(?) order by id desc limit 20`,
      email,
    )
    const found = rows.find((r) => pattern.test(r.text_body))
    if (found) return found.text_body
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${email} matching ${pattern} within ${timeoutMs / 1000} s`)
    }
    await new Promise((r) => setTimeout(r, 1_000))
  }
}

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('closing the loop with $mode', ({ js }) => {
  const contexts: BrowserContext[] = []
  async function signIn(email: string, password: string, to: string): Promise<Page> {
    const context = await newContext(browser, server.url, { js })
    contexts.push(context)
    const page = await context.newPage()
    await signInWithForm(page, js, { email, password }, to)
    return page
  }

  afterAll(async () => {
    for (const c of contexts) await c.close()
  })

  // Up to a minute of it waits for the server's own mail job.
  it(
    'posts, routes, answers, credits and asks whether it is fixed',
    { timeout: 240_000 },
    async () => {
      const tag = `${js ? 'js' : 'nojs'}${Date.now().toString(36)}`
      const title = `Översvämmad gångtunnel under järnvägen (${tag})`
      const department = departmentContact()
      expect(department, 'a municipal department with a demo member').toBeTruthy()
      const template = one<{ id: number; name: string; body_sv: string }>(
        'select id, name, body_sv from reply_templates where archived_at is null order by id limit 1',
      )!

      // 1. The resident posts.
      const resident = await signIn(DEMO.resident.email, DEMO.resident.password, '/challenges/new')
      await resident.getByLabel('Rubrik').fill(title)
      await resident
        .getByLabel('Beskrivning')
        .fill('Tunneln står under vatten varje gång det regnar, och barnen går där till skolan.')
      await resident.getByLabel('Kategori').selectOption({ index: 1 })
      await resident.getByLabel('Stadsdel').selectOption({ index: 1 })
      await resident.getByRole('button', { name: 'Publicera', exact: true }).click()
      await expectPath(resident, /^\/challenges\/\d+/)
      await ready(resident, js)
      const id = Number(new URL(resident.url()).pathname.split('/')[2])
      const path = `/challenges/${id}`

      // 2. The moderator routes it to a department and a contact, with a template, in one submit.
      const triage = `/moderation/challenges/${id}`
      const moderator = await signIn(DEMO.moderator.email, DEMO.moderator.password, triage)
      await moderator
        .getByLabel('Fördela till', { exact: true })
        .selectOption({ label: department.name })
      await moderator.getByLabel('Kontaktperson').selectOption({ label: department.user_name })
      await moderator.getByLabel('Svarsmall').selectOption({ label: template.name })
      await moderator.getByRole('button', { name: 'Spara', exact: true }).click()
      await expectPath(moderator, `${triage}?notice=saved`)
      await expect
        .poll(() => one('select department_id, contact_user_id from challenges where id = ?', id))
        .toEqual({ department_id: department.id, contact_user_id: department.user_id })

      // 3. The contact finds it first in the department inbox, marked as theirs, and is notified.
      const contact = await signIn(department.email, PASSWORD, '/me/notifications')
      await expect
        .poll(() => mainText(contact))
        .toContain(`${title}: har tilldelats dig som kontaktperson på ${department.name}`)
      await contact
        .getByRole('navigation', { name: /konto/i })
        .getByRole('link', { name: 'Inkorg' })
        .click()
      await expectPath(contact, '/inbox')
      await ready(contact, js)
      const row = contact.getByRole('row').filter({ hasText: title })
      await expectVisible(row, 'the challenge in the inbox')
      await expectVisible(row.getByText('Du', { exact: true }), 'the contact marked "Du"')

      // 4. The contact answers officially from the challenge page.
      await row.getByRole('link', { name: title }).click()
      await expectPath(contact, path)
      await ready(contact, js)
      const answer = `Vi pumpar ur tunneln och lägger om dräneringen i vecka 14 (${tag}).`
      await contact.locator('summary', { hasText: 'Svara officiellt' }).click()
      await contact.locator('form#official-response').getByLabel('Officiellt svar').fill(answer)
      await contact.getByRole('button', { name: 'Publicera det officiella svaret' }).click()
      await expectVisible(
        contact.getByRole('region', { name: /Officiellt svar/ }).getByText(answer),
        'the official answer on the page',
      )

      // 5. The resident's notifications quote the template message and the answer.
      await open(resident, '/me/notifications', js)
      const told = await mainText(resident)
      expect(told).toContain(`${title}: hanteras nu av ${department.name}`)
      expect(told).toContain(
        `Moderatorerna skriver: ”${template.body_sv.replace(/\s+/g, ' ').trim()}”`,
      )
      expect(told).toContain(`${department.name} svarade officiellt: ”${answer}”`)

      // 6. The business takes it on and, later, marks its work done.
      const business = await signIn(BUSINESS_OWNER, PASSWORD, path)
      await business.locator('summary', { hasText: 'Anta utmaningen' }).click()
      const pledgeForm = business.locator('form#pledge')
      await pledgeForm.getByLabel('Er plan').fill(`Vi lånar ut pumpar och folk (${tag}).`)
      await pledgeForm.getByLabel('Skriv för').selectOption({ label: BUSINESS.name })
      await pledgeForm.getByRole('button', { name: 'Vi antar utmaningen' }).click()
      await expectVisible(
        business.getByRole('region', { name: /Har antagit utmaningen/ }).getByRole('link', {
          name: BUSINESS.name,
        }),
        'the pledge',
      )
      await ready(business, js)
      await business.locator('summary', { hasText: 'Rapportera läget' }).first().click()
      await business.getByRole('button', { name: 'Vårt arbete är klart' }).click()
      await expect
        .poll(() =>
          one<{ status: string }>('select status from pledges where challenge_id = ?', id),
        )
        .toEqual({ status: 'completed' })

      // 7. The resident is asked to confirm, and marks it solved crediting the business.
      await open(resident, '/me/notifications', js)
      expect(await mainText(resident)).toContain(
        `${BUSINESS.name} meddelar att arbetet är klart. Är utmaningen löst?`,
      )
      await open(resident, path, js)
      const solve = resident.locator('form#solve')
      const credit = solve.getByRole('checkbox', { name: new RegExp(BUSINESS.name) })
      expect(await credit.isChecked(), 'the business is preselected').toBe(true)
      await solve.getByRole('button', { name: 'Markera som löst' }).click()
      await expectVisible(
        resident.locator('article.challenge > header .status').filter({ hasText: 'Löst' }),
        'the status "Löst"',
      )

      // 8. The business's profile and /outcomes show the credit.
      await open(resident, `/organisations/${BUSINESS.slug}`, js)
      expect(await mainText(resident)).toContain(title)
      await open(resident, '/outcomes', js)
      const outcome = resident.getByRole('row').filter({ hasText: title })
      await expectVisible(
        outcome.getByRole('link', { name: BUSINESS.name }),
        'the credit in /outcomes',
      )

      // 9. Fourteen days later the question's job runs (the clock moved for it), the mail goes
      //    out, and the resident answers "fixed" from the link.
      await askFixedQuestionsAt(new Date(Date.now() + 15 * DAY))
      // The token names the challenge first: this run's mail, not the other mode's.
      const linkTo = new RegExp(`https?://\\S+/fixed/${id}\\.[^\\s?]+\\?answer=fixed(?=\\s|$)`)
      const mail = await waitForMail(DEMO.resident.email, linkTo)
      const link = linkTo.exec(mail)?.[0]
      expect(link, `a one-click "fixed" link in:\n${mail}`).toBeTruthy()
      const answerPage = await (await newContext(browser, server.url, { js })).newPage()
      contexts.push(answerPage.context())
      await open(answerPage, new URL(link!).pathname + new URL(link!).search, js)
      await answerPage.getByRole('button', { name: 'Skicka mitt svar' }).click()
      await expectVisible(
        answerPage.getByRole('status').filter({ hasText: 'Tack! Ditt svar är sparat' }),
        'the thanks',
      )
      expect(
        one(
          'select fixed from fixed_answers where challenge_id = ? and user_id = ?',
          id,
          userId(DEMO.resident.email),
        ),
      ).toEqual({ fixed: 1 })
      await open(resident, path, js)
      expect(await mainText(resident)).toContain('1 person säger att det är fixat')
    },
  )
})

function userId(email: string) {
  return one<{ id: number }>('select id from users where lower(email) = lower(?)', email)!.id
}

/**
 * Runs the "is it fixed?" job against the server's database with the clock moved forward, the
 * way the server's hourly housekeeping would run it two weeks later. The server's own minute
 * job then mails the question with links signed by its secret.
 */
async function askFixedQuestionsAt(now: Date) {
  process.env.DATABASE_URL = `file:${server.dbFile}`
  const { askFixedQuestions } = await import('~/models/fixed-question.server')
  expect(await askFixedQuestions({ days: 14, now })).toBeGreaterThan(0)
}
