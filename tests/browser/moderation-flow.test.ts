// Moderation in the demo town, in Swedish, with and without JavaScript (a fresh server each):
// 1. the moderator clears the pending and flagged queues in bulk with a reply template (and
//    hides flagged comments on the triage page) → 2. routes a challenge to a department and a
//    contact person, whose member answers officially on the public page → 3. hides a comment,
//    its author appeals once, the moderator upholds the appeal and the comment is back →
//    4. bans a signed-in author, whose next page load is signed out → 5. every step is in the
//    audit log (page and table).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people } from '../../db/seed/demo-data'
import {
  expectPath,
  expectVisible,
  launchBrowser,
  newContext,
  open,
  ready,
  signInWithForm,
} from './browser'
import { DEMO, startServer, type TestServer } from './server'
import { readRows } from './demo-db'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const PASSWORD = DEMO.resident.password
const DEMO_PEOPLE = people.map((p) => p.email)

interface Audit {
  action: string
  subjectType: string
  subjectId: number
  actor: number
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('moderation flow with $mode', ({ js }) => {
  let server: TestServer
  const contexts: BrowserContext[] = []
  /** Audit entries each step must have left. */
  const expected: Audit[] = []

  /** The newest audit entry of the seed: this run's entries come after it. */
  let seedAudit = 0

  beforeAll(async () => {
    server = await startServer()
    seedAudit = one<{ n: number }>('select coalesce(max(id), 0) as n from audit_log')!.n
  })

  afterAll(async () => {
    for (const c of contexts) await c.close()
    await server?.stop()
  })

  const context = async () => {
    const c = await newContext(browser, server.url, { js })
    contexts.push(c)
    return c
  }

  const query = <T>(sql: string, ...params: unknown[]) => readRows<T>(server, sql, ...params)
  const one = <T>(sql: string, ...params: unknown[]) => query<T>(sql, ...params)[0]
  const userId = (email: string) =>
    one<{ id: number }>('select id from users where lower(email) = lower(?)', email)!.id

  async function signIn(email: string, password: string, to: string) {
    const page = await (await context()).newPage()
    await signInWithForm(page, js, { email, password }, to)
    return page
  }

  /** On a triage page: the row of one post in "Dölj eller återställ". */
  const postRow = (page: Page, label: string, id: number) =>
    page
      .getByRole('region', { name: 'Dölj eller återställ' })
      .locator('li')
      .filter({ hasText: new RegExp(`${escape(label)} #${id} \\(`) })

  /** Hides a solution or comment from its challenge's triage page. */
  async function hideOnTriage(
    page: Page,
    challengeId: number,
    label: string,
    id: number,
    reason: string,
  ) {
    await open(page, `/moderation/challenges/${challengeId}`, js)
    const row = postRow(page, label, id)
    await row.getByLabel('Skäl att dölja').selectOption({ label: reason })
    await row.getByRole('button', { name: 'Dölj', exact: true }).click()
    await expectVisible(
      postRow(page, label, id).getByRole('button', { name: 'Återställ' }),
      `${label} #${id} hidden ("Återställ" offered)`,
    )
    await ready(page, js)
  }

  let moderator: Page
  let moderatorId: number

  it('1. clears the pending queue in bulk with a template, and the flagged queue', async () => {
    moderatorId = userId(DEMO.moderator.email)
    moderator = await signIn(
      DEMO.moderator.email,
      DEMO.moderator.password,
      '/moderation?tab=pending',
    )

    // Pending: approve both with a reply template.
    const pending = query<{ id: number; title: string }>(
      `select id, title from challenges where status = 'pending' order by id`,
    )
    expect(pending, 'the demo seed has two pending challenges').toHaveLength(2)
    const template = one<{ id: number; name: string; body_sv: string }>(
      'select id, name, body_sv from reply_templates where archived_at is null order by id limit 1',
    )!
    for (const c of pending) {
      await moderator.getByRole('checkbox', { name: `Välj ${c.title}`, exact: true }).check()
    }
    await moderator.getByLabel('Åtgärd').selectOption({ label: 'Godkänn' })
    await moderator.getByLabel('Svarsmall').selectOption({ label: template.name })
    await moderator.getByRole('button', { name: 'Genomför' }).click()
    await expectVisible(
      moderator.getByRole('status').filter({ hasText: '2 utmaningar är behandlade.' }),
      'the notice "2 utmaningar är behandlade."',
    )
    await ready(moderator, js)
    for (const c of pending) {
      const row = one<{ status: string; message: string | null }>(
        `select c.status, h.message from challenges c join challenge_status_history h on h.challenge_id = c.id
         where c.id = ? order by h.id desc limit 1`,
        c.id,
      )!
      expect(row.status, `challenge ${c.id} approved`).toBe('open')
      expect(row.message, 'the template is the public message').toBe(template.body_sv)
      expected.push({
        action: 'challenge.status',
        subjectType: 'challenge',
        subjectId: c.id,
        actor: moderatorId,
      })
    }
    await open(moderator, '/moderation?tab=pending', js)
    await expectVisible(
      moderator.getByText('Inget att göra här just nu.'),
      'an empty pending queue',
    )
    await expectVisible(
      moderator.getByRole('link', { name: 'Väntar (0)' }),
      'the count (0) on the "Väntar" tab',
    )

    // Flagged: hide the reported challenges in bulk with a reason…
    await open(moderator, '/moderation?tab=flagged', js)
    const flaggedChallenges = query<{ id: number; title: string }>(
      `select distinct c.id, c.title from flags f join challenges c on c.id = f.subject_id
       where f.subject_type = 'challenge' and f.resolved_at is null order by c.id`,
    )
    expect(flaggedChallenges.length, 'flagged challenges in the seed').toBeGreaterThan(0)
    for (const c of flaggedChallenges) {
      await moderator.getByRole('checkbox', { name: `Välj ${c.title}`, exact: true }).check()
    }
    await moderator.getByLabel('Åtgärd').selectOption({ label: 'Dölj' })
    await moderator.getByLabel('Skäl att dölja').selectOption({ label: 'reklam eller spam' })
    await moderator.getByRole('button', { name: 'Genomför' }).click()
    await expectVisible(
      moderator.getByRole('status').filter({
        hasText:
          flaggedChallenges.length === 1
            ? '1 utmaning är behandlad.'
            : `${flaggedChallenges.length} utmaningar är behandlade.`,
      }),
      'the bulk notice',
    )
    await ready(moderator, js)
    for (const c of flaggedChallenges) {
      const row = one<{ hidden_reason: string | null; open: number }>(
        `select hidden_reason, (select count(*) from flags where subject_type = 'challenge'
         and subject_id = c.id and resolved_at is null) as open from challenges c where id = ?`,
        c.id,
      )!
      expect(row, `challenge ${c.id} hidden, its flags resolved`).toEqual({
        hidden_reason: 'spam',
        open: 0,
      })
      expected.push({
        action: 'challenge.hide',
        subjectType: 'challenge',
        subjectId: c.id,
        actor: moderatorId,
      })
    }

    // …and the reported comments and solutions one by one on their triage pages.
    const flaggedPosts = query<{ subject_type: string; subject_id: number; challenge_id: number }>(
      `select distinct subject_type, subject_id, challenge_id from flags
       where subject_type != 'challenge' and resolved_at is null order by subject_id`,
    )
    expect(flaggedPosts.length, 'flagged comments in the seed').toBeGreaterThan(0)
    for (const p of flaggedPosts) {
      const label = p.subject_type === 'comment' ? 'Kommentar' : 'Lösning'
      await hideOnTriage(moderator, p.challenge_id, label, p.subject_id, 'hör inte hemma här')
      expected.push({
        action: `${p.subject_type}.hide`,
        subjectType: p.subject_type,
        subjectId: p.subject_id,
        actor: moderatorId,
      })
    }
    await open(moderator, '/moderation?tab=flagged', js)
    await expectVisible(
      moderator.getByText('Inget att göra här just nu.'),
      'an empty flagged queue',
    )
    expect(one<{ n: number }>('select count(*) as n from flags where resolved_at is null')!.n).toBe(
      0,
    )
  }, 90_000)

  let routed: { id: number; title: string }

  it('2. routes a challenge to a department, whose member answers officially', async () => {
    expect(moderator, 'step 1 signed the moderator in').toBeTruthy()
    // The department and a member of it (a demo person, so the demo password works).
    const department = query<{
      id: number
      name: string
      email: string
      user_id: number
      user_name: string
    }>(
      `select o.id, o.name, u.email, u.id as user_id, u.name as user_name from organisations o
       join memberships m on m.organisation_id = o.id and m.status = 'active'
       join users u on u.id = m.user_id where o.kind = 'municipality' order by o.id`,
    ).find((d) => DEMO_PEOPLE.includes(d.email))!
    expect(department, 'a municipal department with a demo member').toBeTruthy()
    // An open, unrouted challenge (one of those just approved).
    routed = one<{ id: number; title: string }>(
      `select id, title from challenges where status = 'open' and department_id is null
       and hidden_at is null and merged_into_id is null order by id desc limit 1`,
    )!
    const triage = `/moderation/challenges/${routed.id}`
    await open(moderator, triage, js)
    await moderator
      .getByLabel('Fördela till', { exact: true })
      .selectOption({ label: department.name })
    await moderator.getByRole('button', { name: 'Spara', exact: true }).click()
    await expectVisible(moderator.getByRole('status').filter({ hasText: 'Sparat.' }), '"Sparat."')
    await ready(moderator, js)
    // The contact people are the department's members, offered once it is routed.
    await moderator.getByLabel('Kontaktperson').selectOption({ label: department.user_name })
    // "Sparat." is already showing from the first save: wait for the POST's redirect instead.
    const saved = moderator.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes(triage),
    )
    await moderator.getByRole('button', { name: 'Spara', exact: true }).click()
    await saved
    await expectPath(moderator, `${triage}?notice=saved`)
    await ready(moderator, js)
    await expect
      .poll(() =>
        one('select department_id, contact_user_id from challenges where id = ?', routed.id),
      )
      .toEqual({ department_id: department.id, contact_user_id: department.user_id })
    expect(
      await moderator.getByLabel('Kontaktperson').inputValue(),
      'the contact person kept in the form',
    ).toBe(String(department.user_id))
    expected.push({
      action: 'challenge.route',
      subjectType: 'challenge',
      subjectId: routed.id,
      actor: moderatorId,
    })

    // The member answers on the public page.
    const path = `/challenges/${routed.id}`
    const member = await signIn(department.email, PASSWORD, path)
    const answer = `Vi på ${department.name} har tagit emot detta och återkommer inom två veckor (${js ? 'js' : 'nojs'}).`
    await member.locator('summary', { hasText: 'Svara officiellt' }).click()
    await member.locator('form#official-response').getByLabel('Officiellt svar').fill(answer)
    await member.getByRole('button', { name: 'Publicera det officiella svaret' }).click()
    const official = (page: Page) =>
      page
        .getByRole('region', { name: 'Officiellt svar' })
        .locator('.official')
        .filter({ hasText: answer })
    await expectVisible(official(member), 'the official answer on the member’s page')

    // A visitor sees it, marked as the department's official answer.
    const visitor = await (await context()).newPage()
    await open(visitor, path, js)
    await expectVisible(official(visitor), 'the official answer for visitors')
    await expectVisible(
      official(visitor).locator('strong', { hasText: department.name }),
      `the answer attributed to ${department.name}`,
    )
    const row = one<{
      first_response_at: string | null
      organisation_id: number
      author_id: number
    }>(
      `select c.first_response_at, r.organisation_id, r.author_id from challenges c
       join official_responses r on r.challenge_id = c.id where c.id = ?`,
      routed.id,
    )!
    expect(row.first_response_at, 'first_response_at is set').toBeTruthy()
    expect(row.organisation_id).toBe(department.id)
    expect(row.author_id).toBe(department.user_id)
    expected.push({
      action: 'challenge.official_response',
      subjectType: 'challenge',
      subjectId: routed.id,
      actor: department.user_id,
    })
  }, 60_000)

  let authorEmail: string

  it('3. hides a comment; its author appeals once; the moderator restores it', async () => {
    expect(moderator, 'step 1 signed the moderator in').toBeTruthy()
    // A visible top-level comment by a demo person on a public challenge, never appealed.
    const candidates = query<{
      id: number
      challenge_id: number
      body_html: string
      email: string
      name: string
    }>(
      `select cm.id, cm.challenge_id, cm.body_html, u.email, u.name from comments cm
       join users u on u.id = cm.author_id join challenges c on c.id = cm.challenge_id
       where cm.hidden_at is null and cm.deleted_at is null and cm.parent_id is null
       and cm.solution_id is null and c.hidden_at is null and c.merged_into_id is null
       and c.status in ('open', 'in_progress', 'solved') and u.role = 'member'
       and not exists (select 1 from appeals a where a.subject_type = 'comment' and a.subject_id = cm.id)
       order by cm.id`,
    )
    // Plain text, so a few of its words can be looked for on the page.
    const comment = candidates.find(
      (c) => DEMO_PEOPLE.includes(c.email) && /^<p>[^<&]+<\/p>\s*$/.test(c.body_html),
    )!
    expect(comment, 'a comment by a demo person').toBeTruthy()
    authorEmail = comment.email
    const snippet = comment.body_html
      .replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 4)
      .join(' ')
    const path = `/challenges/${comment.challenge_id}`
    const commentEl = (page: Page) => page.locator(`#comment-${comment.id}`)

    await hideOnTriage(
      moderator,
      comment.challenge_id,
      'Kommentar',
      comment.id,
      'kränkande eller hotfullt innehåll',
    )
    expected.push({
      action: 'comment.hide',
      subjectType: 'comment',
      subjectId: comment.id,
      actor: moderatorId,
    })
    expect(one('select hidden_reason from comments where id = ?', comment.id)).toEqual({
      hidden_reason: 'offensive',
    })

    // Visitors no longer see it.
    const visitor = await (await context()).newPage()
    await open(visitor, path, js)
    await expectVisible(
      commentEl(visitor).getByText('Kommentaren är borttagen'),
      'the comment shown as removed',
    )
    expect(await commentEl(visitor).innerText()).not.toContain(snippet)

    // The author is told why, and appeals once.
    const author = await signIn(comment.email, PASSWORD, path)
    await expectVisible(
      commentEl(author).getByText(
        'Dolt av en moderator: kränkande eller hotfullt innehåll. Bara du och moderatorerna ser det.',
      ),
      'the hidden notice for the author',
    )
    const appealText = `Jag förstår inte varför – jag skrev bara vad jag tycker om förslaget (${js ? 'js' : 'nojs'}).`
    await commentEl(author).locator('summary', { hasText: 'Överklaga beslutet' }).click()
    await commentEl(author).getByLabel('Varför ska inlägget visas igen?').fill(appealText)
    await commentEl(author).getByRole('button', { name: 'Skicka överklagandet' }).click()
    await expectVisible(
      author.getByText('Ditt överklagande har skickats till moderatorerna.'),
      'the "appeal sent" notice',
    )
    await ready(author, js)
    await expectVisible(
      commentEl(author).getByText('Överklagande: väntar'),
      '"Överklagande: väntar"',
    )
    expect(
      await commentEl(author).locator('summary', { hasText: 'Överklaga beslutet' }).count(),
      'no second appeal offered',
    ).toBe(0)
    expect(
      query(
        'select id from appeals where subject_type = ? and subject_id = ?',
        'comment',
        comment.id,
      ),
    ).toHaveLength(1)

    // The appeal is in the queue; the moderator upholds it.
    await open(moderator, '/moderation?tab=appeals', js)
    const queued = moderator.locator('table.queue tbody tr').filter({ hasText: appealText })
    await expectVisible(queued, 'the appeal in the "Överklaganden" tab')
    await expectVisible(queued.getByText(`Överklagande från ${comment.name}`), 'who appealed')
    await queued.getByRole('link').first().click()
    await expectPath(moderator, `/moderation/challenges/${comment.challenge_id}`)
    await ready(moderator, js)
    const appealRow = moderator
      .getByRole('region', { name: 'Överklaganden' })
      .locator('li')
      .filter({ hasText: appealText })
    await appealRow.getByRole('button', { name: 'Bifall och återställ' }).click()
    await expectVisible(
      moderator.getByRole('status').filter({ hasText: 'Överklagandet är avgjort.' }),
      '"Överklagandet är avgjort."',
    )
    await ready(moderator, js)
    const appeal = one<{ id: number; status: string; hidden_at: string | null }>(
      `select a.id, a.status, c.hidden_at from appeals a join comments c on c.id = a.subject_id
       where a.subject_type = 'comment' and a.subject_id = ?`,
      comment.id,
    )!
    expect(appeal).toMatchObject({ status: 'upheld', hidden_at: null })
    expected.push({
      action: 'comment.restore',
      subjectType: 'comment',
      subjectId: comment.id,
      actor: moderatorId,
    })
    expected.push({
      action: 'appeal.uphold',
      subjectType: 'appeal',
      subjectId: appeal.id,
      actor: moderatorId,
    })

    // Visitors see it again.
    await open(visitor, path, js)
    await expectVisible(commentEl(visitor).getByText(snippet), 'the restored comment for visitors')
  }, 60_000)

  it('4. bans an author whose open session ends at once', async () => {
    expect(moderator, 'step 1 signed the moderator in').toBeTruthy()
    const target = query<{ challenge_id: number; email: string; name: string; id: number }>(
      `select c.id as challenge_id, u.email, u.name, u.id from challenges c join users u on u.id = c.author_id
       where c.hidden_at is null and c.merged_into_id is null and u.role = 'member'
       and u.banned_until is null and lower(u.email) != lower(?) order by c.id`,
      authorEmail ?? '',
    ).find(
      (t) =>
        DEMO_PEOPLE.includes(t.email) &&
        !query(
          'select 1 from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ? and o.kind = ?',
          t.id,
          'municipality',
        ).length,
    )!
    expect(target, 'a demo author to ban').toBeTruthy()
    const user = await signIn(target.email, PASSWORD, '/me')
    await expectVisible(user.getByRole('heading', { level: 1, name: 'Mitt konto' }), '"Mitt konto"')

    await open(moderator, `/moderation/challenges/${target.challenge_id}`, js)
    const ban = moderator.getByRole('region', { name: `Stäng av ${target.name}` })
    await ban.getByLabel('Antal dagar').fill('3')
    await ban.getByLabel('Skäl', { exact: true }).fill('Upprepade personangrepp trots varningar.')
    await ban.getByRole('button', { name: 'Stäng av' }).click()
    await expectVisible(
      moderator.getByRole('status').filter({ hasText: 'Användaren är avstängd.' }),
      '"Användaren är avstängd."',
    )
    await ready(moderator, js)
    const banned = one<{
      banned_until: string | null
      ban_reason: string | null
      sessions: number
    }>(
      `select banned_until, ban_reason, (select count(*) from sessions where user_id = users.id) as sessions
       from users where id = ?`,
      target.id,
    )!
    expect(Date.parse(banned.banned_until ?? '') - Date.now()).toBeGreaterThan(2.9 * 86_400_000)
    expect(banned.ban_reason).toBe('Upprepade personangrepp trots varningar.')
    expect(banned.sessions, 'the user’s sessions are gone').toBe(0)
    expected.push({
      action: 'user.ban',
      subjectType: 'user',
      subjectId: target.id,
      actor: moderatorId,
    })

    // The user's next page load is signed out.
    await user.reload()
    await expectPath(user, /^\/login/)
    await ready(user, js)
    await expectVisible(
      user.locator('main').getByRole('button', { name: 'Logga in' }),
      'the sign-in form',
    )
  }, 60_000)

  it('5. the audit log lists every step', async () => {
    expect(expected.length, 'earlier steps recorded what they did').toBeGreaterThanOrEqual(9)
    for (const action of [
      'challenge.status',
      'challenge.hide',
      'comment.hide',
      'challenge.route',
      'challenge.official_response',
      'comment.restore',
      'appeal.uphold',
      'user.ban',
    ]) {
      expect(
        expected.map((e) => e.action),
        `a step that leaves "${action}"`,
      ).toContain(action)
    }
    // In the table: who did what to which, after the seed's entries.
    for (const e of expected) {
      const rows = query<{ id: number }>(
        `select id from audit_log where action = ? and subject_type = ? and subject_id = ?
         and actor_id = ? and id > ?`,
        e.action,
        e.subjectType,
        e.subjectId,
        e.actor,
        seedAudit,
      )
      expect(
        rows.length,
        `audit_log has ${e.action} ${e.subjectType} #${e.subjectId}`,
      ).toBeGreaterThan(0)
    }
    // On /moderation/log (newest first, so this run's entries are on the first page), each as a
    // sentence naming who did what to which; never the action's code.
    await open(moderator, '/moderation/log', js)
    const verbs: Record<string, string> = {
      'challenge.status': 'ändrade status för',
      'challenge.hide': 'dolde',
      'comment.hide': 'dolde',
      'challenge.route': 'fördelade',
      'challenge.official_response': 'publicerade ett officiellt svar',
      'comment.restore': 'visade',
      'appeal.uphold': 'biföll överklagandet',
      'user.ban': 'stängde av',
    }
    const table = await moderator.locator('tbody').innerText()
    for (const e of expected) {
      const who = one<{ name: string }>('select name from users where id = ?', e.actor)!.name
      const which =
        e.subjectType === 'challenge'
          ? one<{ title: string }>('select title from challenges where id = ?', e.subjectId)!.title
          : e.subjectType === 'user'
            ? one<{ name: string }>('select name from users where id = ?', e.subjectId)!.name
            : e.subjectType === 'appeal'
              ? ''
              : `${e.subjectType === 'comment' ? 'kommentar' : 'lösningsförslag'} nr ${e.subjectId}`
      let row = moderator.locator('tbody tr').filter({ hasText: who }).filter({ hasText: which })
      if (verbs[e.action]) row = row.filter({ hasText: verbs[e.action] })
      await expectVisible(
        row.first(),
        `"${e.action}" on ${e.subjectType} #${e.subjectId} by ${who} in /moderation/log`,
      )
      expect(table, 'no action codes in the log').not.toContain(e.action)
    }
  }, 60_000)
})
