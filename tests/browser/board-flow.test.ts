// The board's whole life for one challenge, in Swedish, with and without JavaScript:
// a resident writes a challenge (similar ones are suggested) → a business takes it on for its
// organisation and proposes a solution → two residents vote (optimistically with JS), one
// comments, the other replies → the owner gets notifications in the app and by mail ("Direkt")
// → the owner accepts the solution and marks the challenge solved → the organisation gets the
// public credit on its profile.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { memberships, people } from '../../db/seed/demo-data'
import { expectPath, expectVisible, newContext, open, ready, signInWithForm } from './browser'
import { DEMO, type TestServer } from './server'
import { demoBusinessOwner, serverAndBrowserForFile } from './suite'
import { readRow } from './demo-db'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

const PASSWORD = DEMO.resident.password

// The owner of the new challenge: the first demo resident (no organisation).
const OWNER = DEMO.resident.email

// "The business user": the owner of a business organisation in the demo town.
const { email: BUSINESS, organisation: ORG } = demoBusinessOwner()

// Two residents who belong to no organisation and are not the owner.
const [VOTER_1, VOTER_2] = people
  .map((p) => p.email)
  .filter((email) => email !== OWNER && !memberships.some((m) => m.email === email))

/** The first public demo challenge: the new one is written to look like it. */
function existingChallenge() {
  return readRow<{ id: number; title: string }>(
    server,
    `select id, title from challenges where hidden_at is null
     and status in ('open', 'in_progress', 'solved') order by id limit 1`,
  )!
}

/** Polls the outbox (read-only) for a 'notifications' mail to `email` that mentions `text`. */
async function waitForNotificationMail(email: string, text: string, timeoutMs = 75_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const row = readRow<{ id: number; text_body: string }>(
      server,
      `select id, text_body from email_outbox where template = 'notifications'
       and lower(to_address) = lower(?) and instr(text_body, ?) > 0 order by id desc limit 1`,
      email,
      text,
    )
    if (row) return row
    if (Date.now() > deadline) {
      throw new Error(
        `No 'notifications' mail to ${email} mentioning "${text}" within ${timeoutMs / 1000} s`,
      )
    }
    await new Promise((r) => setTimeout(r, 1_000))
  }
}

async function signIn(context: BrowserContext, email: string, js: boolean, to = '/me') {
  const page = await context.newPage()
  await signInWithForm(page, js, { email, password: PASSWORD }, to)
  return page
}

/** The status badge in the challenge's header. */
function statusBadge(page: Page) {
  return page.locator('article.challenge > header .status')
}

function challengeVoteCount(page: Page) {
  return page.locator('.challenge-actions .vote-count strong')
}

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('board flow with $mode', ({ js }) => {
  const contexts: BrowserContext[] = []
  const context = async () => {
    const c = await newContext(browser, server.url, { js })
    contexts.push(c)
    return c
  }

  afterAll(async () => {
    for (const c of contexts) await c.close()
  })

  it('posts, is taken on, voted, discussed, notified, solved and credited', async () => {
    const tag = `${js ? 'js' : 'nojs'}${Date.now().toString(36)}`
    const existing = existingChallenge()
    const title = `${existing.title.slice(0, 100)} (${tag})`
    const description = `Samma sak här: ${existing.title}. Det drabbar många varje vecka (${tag}).`

    // 4 (first half). The owner wants mail at once about what they follow.
    const owner = await signIn(await context(), OWNER, js)
    const emailSection = owner.getByRole('region', { name: 'E-post om aviseringar' })
    await emailSection.getByRole('radio', { name: 'Direkt' }).check()
    await emailSection.getByRole('button', { name: 'Spara' }).click()
    await expectVisible(
      owner.getByRole('status').filter({ hasText: 'Dina e-postinställningar är sparade.' }),
      'the "settings saved" notice',
    )
    await ready(owner, js)
    expect(await emailSection.getByRole('radio', { name: 'Direkt' }).isChecked()).toBe(true)

    // 1. The owner writes the challenge; similar ones are suggested.
    await open(owner, '/challenges/new', js)
    const similar = owner.locator('aside[aria-labelledby="similar-heading"]')
    await owner.getByLabel('Rubrik').fill(title)
    await owner.getByLabel('Beskrivning').fill(description)
    await owner.getByLabel('Kategori').selectOption({ index: 1 })
    await owner.getByLabel('Stadsdel').selectOption({ index: 1 })
    if (js) {
      // Debounced fetch of /challenges/similar while typing.
      await expectVisible(
        similar.getByRole('link', { name: existing.title, exact: true }),
        `"${existing.title}" among "Liknande utmaningar" while typing`,
      )
    } else {
      await owner.getByRole('button', { name: 'Förhandsgranska' }).click()
      await expectVisible(
        owner.getByRole('heading', { name: 'Förhandsgranskning' }),
        'the preview heading',
      )
      await expectVisible(
        owner.locator('.preview').getByText(`(${tag})`),
        'the description in the preview',
      )
      await expectVisible(
        similar.getByRole('link', { name: existing.title, exact: true }),
        `"${existing.title}" among "Liknande utmaningar" after the preview`,
      )
      expect(await owner.getByLabel('Rubrik').inputValue(), 'the title is kept').toBe(title)
      expect(await owner.getByLabel('Beskrivning').inputValue(), 'the description is kept').toBe(
        description,
      )
    }
    await owner.getByRole('button', { name: 'Publicera', exact: true }).click()
    await expectPath(owner, /^\/challenges\/\d+$/)
    await ready(owner, js)
    const id = Number(new URL(owner.url()).pathname.split('/').pop())
    const path = `/challenges/${id}`
    await expectVisible(
      owner.getByRole('heading', { level: 1, name: title }),
      'the new challenge title',
    )
    await expectVisible(statusBadge(owner).filter({ hasText: 'Öppen' }), 'the status "Öppen"')

    // 2. The business user takes it on for the organisation, then proposes a solution.
    const business = await signIn(await context(), BUSINESS, js, path)
    await business.locator('summary', { hasText: 'Anta utmaningen' }).click()
    const pledgeForm = business.locator('form#pledge')
    await pledgeForm.getByLabel('Er plan').fill(`Vi ställer upp med folk och material (${tag}).`)
    await pledgeForm.getByLabel('Skriv för').selectOption({ label: ORG.name })
    await pledgeForm.getByRole('button', { name: 'Vi antar utmaningen' }).click()
    await expectVisible(statusBadge(business).filter({ hasText: 'Pågår' }), 'the status "Pågår"')
    await ready(business, js)
    const pledges = business.getByRole('region', { name: /Har antagit utmaningen/ })
    await expectVisible(
      pledges.getByRole('link', { name: ORG.name }),
      `${ORG.name} under "Har antagit utmaningen"`,
    )

    const solutionText = `Vi löser det med en ny tidtabell (${tag}).`
    await business.locator('summary', { hasText: 'Föreslå en lösning' }).click()
    const solutionForm = business.locator('form#solution')
    await solutionForm.getByLabel('Ditt lösningsförslag').fill(solutionText)
    await solutionForm.getByLabel('Skriv för').selectOption({ label: ORG.name })
    await solutionForm.getByRole('button', { name: 'Publicera förslaget' }).click()
    const solutions = business.getByRole('region', { name: /Lösningsförslag/ })
    const solution = solutions.locator('li.solution').filter({ hasText: solutionText })
    await expectVisible(solution, 'the proposed solution')
    await expectVisible(solution.getByRole('link', { name: ORG.name }), 'the solution by the org')
    await ready(business, js)

    // 3. Two residents vote (optimistically with JavaScript); one comments, the other replies.
    const voter1 = await signIn(await context(), VOTER_1!, js, path)
    expect(await challengeVoteCount(voter1).innerText()).toBe('0')
    let release: () => void = () => {}
    let heldPosts = 0
    if (js) {
      // Hold the vote's POST so the count can only come from the optimistic update.
      const held = new Promise<void>((r) => (release = r))
      await voter1.route(
        (url) => url.pathname === path,
        async (route) => {
          if (route.request().method() === 'POST') {
            heldPosts++
            await held
          }
          await route.continue()
        },
      )
    }
    await voter1.getByRole('button', { name: `Rösta: ${title}` }).click()
    if (js) {
      await expectVisible(
        voter1.locator('.challenge-actions .vote-count').filter({ hasText: '1 röst' }),
        'the count 1 at once (optimistic), before the server has answered',
        5_000,
      )
      expect(heldPosts, 'the vote was being held while the count showed 1').toBe(1)
      release()
      await voter1.unroute((url) => url.pathname === path)
    }
    await expectVisible(
      voter1.getByRole('button', { name: `Ta tillbaka rösten: ${title}` }),
      'the vote registered ("Ta tillbaka rösten")',
    )
    expect(await challengeVoteCount(voter1).innerText()).toBe('1')

    const voter2 = await signIn(await context(), VOTER_2!, js, path)
    expect(await challengeVoteCount(voter2).innerText()).toBe('1')
    await voter2.getByRole('button', { name: `Rösta: ${title}` }).click()
    if (js) {
      // The optimistic count shows before (or as) the server confirms.
      await expectVisible(
        voter2.locator('.challenge-actions .vote-count').filter({ hasText: '2 röster' }),
        'the count 2 at once',
        5_000,
      )
    }
    await expectVisible(
      voter2.getByRole('button', { name: `Ta tillbaka rösten: ${title}` }),
      'the second vote registered',
    )
    await expectVisible(
      voter2.locator('.challenge-actions .vote-count').filter({ hasText: '2 röster' }),
      'the count 2',
    )

    const commentText = `Jag håller med, det är ett stort problem (${tag}).`
    await ready(voter1, js)
    await voter1.locator('form#comment').getByLabel('Din kommentar').fill(commentText)
    await voter1.getByRole('button', { name: 'Publicera kommentaren' }).click()
    await expectVisible(
      voter1.locator('ol.comments .comment').filter({ hasText: commentText }),
      'the comment',
    )

    const replyText = `Samma här, bra att någon tar tag i det (${tag}).`
    await open(voter2, path, js)
    const thread = voter2.locator('ol.comments > li').filter({ hasText: commentText })
    await thread.locator('summary', { hasText: 'Svara' }).click()
    await thread.getByLabel('Ditt svar').fill(replyText)
    await thread.getByRole('button', { name: 'Publicera svaret' }).click()
    await expectVisible(
      voter2
        .locator('ol.comments > li')
        .filter({ hasText: commentText })
        .locator('ol.replies')
        .filter({ hasText: replyText }),
      'the reply under the comment',
    )

    // The mail job runs every minute inside the server: wait for it in the background.
    const mail = waitForNotificationMail(OWNER, title).then(
      (row) => ({ row, error: null }),
      (error: Error) => ({ row: null, error }),
    )

    // 4. The owner's notifications: the pledge, the solution and the comment.
    await open(owner, '/me/notifications', js)
    const mine = owner.locator('ol.notifications > li').filter({ hasText: title })
    // Each says who did what (the pledge and the solution by the business user).
    for (const what of ['antog utmaningen', 'föreslog en lösning', 'kommenterade']) {
      await expectVisible(mine.filter({ hasText: what }), `the notification "… ${what}"`)
    }
    expect(await mine.filter({ hasText: 'kommenterade' }).count(), 'comment and reply').toBe(2)

    // 5. The owner accepts the solution and marks the challenge solved.
    await open(owner, path, js)
    const ownersSolution = owner.locator('li.solution').filter({ hasText: solutionText })
    await ownersSolution.getByRole('button', { name: 'Godkänn lösningen' }).click()
    await expectVisible(
      owner.locator('li.solution.accepted').filter({ hasText: 'Godkänd lösning' }),
      'the solution marked "Godkänd lösning"',
    )
    await ready(owner, js)
    await owner.getByRole('button', { name: 'Markera som löst' }).click()
    await expectVisible(statusBadge(owner).filter({ hasText: 'Löst' }), 'the status "Löst"')
    await expectVisible(
      owner
        .locator('article.challenge > header .notice')
        .filter({ hasText: `Löst av ${ORG.name}` }),
      `"Löst av ${ORG.name}"`,
    )
    await ready(owner, js)

    // 6. The organisation's profile credits it.
    await open(owner, `/organisations/${ORG.slug}`, js)
    await expectVisible(
      owner
        .getByRole('region', { name: 'Utmaningar de har löst' })
        .getByRole('link', { name: title, exact: true }),
      `"${title}" under "Utmaningar de har löst"`,
    )

    // 4 (second half). The mail about the notifications reached the outbox.
    const { row, error } = await mail
    if (error) throw error
    expect(row!.text_body).toContain(`/challenges/${id}`)
  }, 150_000)
})
