// Issue 9, item 9, through real requests to the production build: what a hidden, pending or
// rejected challenge's page offers and what its action refuses; pledge plans as Markdown; the
// confirmation after posting; voting from the similar list; bulk routing that changes nothing.
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { pledge } from '~/models/pledge.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'
import { inertProblems, MARKDOWN_VECTORS } from '../helpers/xss'

const server = testServerForFile()
const signedIn = server.signedIn

const rows = async (
  table: 'comments' | 'solutions' | 'pledges' | 'flags' | 'follows',
  id: number,
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('challenge_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  )

/** The controls only a challenge on the public board has, found in its page's HTML. */
const PUBLIC_CONTROLS = {
  share: 'id="share-link"',
  comment: 'id="comment"',
  solution: 'value="solution"',
  pledge: 'value="pledge"',
  solve: 'value="solve"',
  flag: 'value="flag"',
  follow: 'follow"', // follow or unfollow
}
const controlsIn = (html: string) =>
  Object.entries(PUBLIC_CONTROLS)
    .filter(([, marker]) => html.includes(marker))
    .map(([name]) => name)

async function offBoard(kind: 'hidden' | 'pending' | 'rejected', authorId: number) {
  const id = await createChallengeFor(authorId, { status: kind === 'pending' ? 'pending' : 'open' })
  if (kind === 'hidden')
    await db
      .updateTable('challenges')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', id)
      .execute()
  if (kind === 'rejected')
    await db.updateTable('challenges').set({ status: 'rejected' }).where('id', '=', id).execute()
  return id
}

describe('a challenge off the public board', () => {
  it('offers its author every public control while it is public (the baseline)', async () => {
    const { user, client } = await signedIn()
    const id = await createChallengeFor(user.id)
    const html = await (await client.get(`/challenges/${id}`)).text()
    expect(controlsIn(html)).toEqual(Object.keys(PUBLIC_CONTROLS))
  })

  for (const kind of ['hidden', 'pending', 'rejected'] as const) {
    it(`offers no share link, comment, vote, pledge, solution, solve or flag when ${kind}`, async () => {
      const author = await signedIn()
      const moderator = await signedIn({ role: 'moderator' })
      const id = await offBoard(kind, author.user.id)
      for (const { client } of [author, moderator]) {
        const page = await client.get(`/challenges/${id}`)
        expect(page.status).toBe(200)
        const html = await page.text()
        expect(controlsIn(html)).toEqual([])
        expect(html).not.toContain('value="vote"')
        // What still applies: editing (and appealing, when hidden).
        expect(html).toContain(`href="/challenges/${id}/edit"`)
      }
    })

    it(`refuses comments, solutions, pledges, solving, flags and follows when ${kind} (403)`, async () => {
      const author = await signedIn()
      const moderator = await signedIn({ role: 'moderator' })
      const id = await offBoard(kind, author.user.id)
      const attempts: Array<Record<string, string>> = [
        { intent: 'comment', body: 'En kommentar' },
        { intent: 'solution', body: 'Ett förslag' },
        { intent: 'pledge', plan: 'Vi gör det' },
        { intent: 'solve' },
        { intent: 'flag', subjectType: 'challenge', subjectId: String(id), reason: 'spam' },
        { intent: 'follow' },
      ]
      for (const { client } of [author, moderator]) {
        for (const form of attempts) {
          const response = await client.post(`/challenges/${id}`, form)
          expect(`${form.intent} → ${response.status}`).toBe(`${form.intent} → 403`)
        }
        // A vote from a moderator (the author may never vote on their own).
        if (client === moderator.client)
          expect((await client.post(`/challenges/${id}`, { intent: 'vote' })).status).toBe(403)
      }
      for (const table of ['comments', 'solutions', 'pledges', 'flags'] as const)
        expect(await rows(table, id)).toBe(0)
      expect(
        (
          await db
            .selectFrom('challenges')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status,
      ).toBe(kind === 'pending' ? 'pending' : kind === 'rejected' ? 'rejected' : 'open')
    })
  }

  it('offers and accepts no dispute of your own solved challenge, but does from others', async () => {
    const author = await signedIn()
    const other = await signedIn()
    const id = await createChallengeFor(author.user.id)
    expect((await author.client.post(`/challenges/${id}`, { intent: 'solve' })).status).toBe(302)
    expect(await (await author.client.get(`/challenges/${id}`)).text()).not.toContain(
      'value="dispute"',
    )
    const own = await author.client.post(`/challenges/${id}`, {
      intent: 'dispute',
      body: 'Det är inte löst.',
    })
    expect(own.status).toBe(403)
    expect(await (await other.client.get(`/challenges/${id}`)).text()).toContain('value="dispute"')
  })
})

describe('pledge plans', () => {
  it('render as sanitised Markdown on the challenge page', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    const sent = await client.post(`/challenges/${id}`, {
      intent: 'pledge',
      plan: 'Vi tar **tre** steg:\n\n- städa\n- måla\n\n<img src=x onerror=alert(1)>',
    })
    expect(sent.status).toBe(302)
    const html = await (await client.get(`/challenges/${id}`)).text()
    expect(html).toContain('Vi tar <strong>tre</strong> steg:')
    expect(html).toContain('<li>städa</li>')
    expect(html).not.toContain('onerror')
    expect(html).not.toContain('**tre**')
  })
})

describe('after posting', () => {
  it('goes back to the new comment and says it was saved', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client } = await signedIn()
    const sent = await client.post(`/challenges/${id}`, { intent: 'comment', body: 'Bra idé!' })
    const comment = await db
      .selectFrom('comments')
      .select('id')
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    const location = `/challenges/${id}?posted=comment-${comment.id}#comment-${comment.id}`
    expect(sent.headers.get('location')).toBe(location)
    const page = await (await client.get(location.split('#')[0]!)).text()
    expect(page).toContain('role="status">Tack! Din kommentar är sparad.</p>')
    // Only beside that post, and not for a made-up one.
    expect(await (await client.get(`/challenges/${id}`)).text()).not.toContain(
      'Din kommentar är sparad',
    )
    expect(
      await (await client.get(`/challenges/${id}?posted=comment-99999999`)).text(),
    ).not.toContain('Din kommentar är sparad')
  })

  it('confirms a pledge and a progress update in the pledge', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const { client, user } = await signedIn()
    const sent = await client.post(`/challenges/${id}`, { intent: 'pledge', plan: 'Vi gör det.' })
    const found = await db
      .selectFrom('pledges')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(sent.headers.get('location')).toBe(
      `/challenges/${id}?posted=pledge-${found.id}#pledge-${found.id}`,
    )
    expect(
      await (await client.get(`/challenges/${id}?posted=pledge-${found.id}`)).text(),
    ).toContain('Tack! Ert åtagande är sparat.')
    const progress = await client.post(`/challenges/${id}`, {
      intent: 'progress',
      pledgeId: String(found.id),
      body: 'Halvvägs.',
    })
    expect(progress.headers.get('location')).toBe(
      `/challenges/${id}?posted=progress-${found.id}#pledge-${found.id}`,
    )
  })
})

describe('the similar list on /challenges/new', () => {
  const title = 'Papperskorgarna vid badplatsen svämmar över varje helg'

  it('marks your own challenge, so no vote is offered for it', async () => {
    const { user, client } = await signedIn()
    const id = await createChallengeFor(user.id, { title })
    const { similar } = (await (
      await client.get(`/challenges/similar?text=${encodeURIComponent(title)}`)
    ).json()) as { similar: Array<{ id: number; own: boolean; voted: boolean }> }
    expect(similar.find((s) => s.id === id)).toMatchObject({ own: true, voted: false })
    // And the server refuses it anyway.
    expect((await client.post('/challenges/new', { similar: `vote:${id}` })).status).toBe(403)
  })

  it('votes without JavaScript and gives the draft back', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id, { title })
    const { user, client } = await signedIn()
    const draft = 'Papperskorgarna vid badplatsen är fulla'
    const response = await client.post('/challenges/new', {
      title: draft,
      description: 'Mitt utkast, inte klart än',
      similar: `vote:${id}`,
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`value="${draft}"`)
    expect(html).toContain('Mitt utkast, inte klart än')
    expect(html).toContain('Din röst är räknad. Ditt utkast finns kvar.')
    const vote = await db
      .selectFrom('challenge_votes')
      .select('user_id')
      .where('challenge_id', '=', id)
      .where('user_id', '=', user.id)
      .executeTakeFirst()
    expect(vote).toBeDefined()
    // Nothing was posted.
    expect(
      await db.selectFrom('challenges').select('id').where('author_id', '=', user.id).execute(),
    ).toEqual([])
  })
})

describe('bulk routing on /moderation', () => {
  const bulk = (client: ReturnType<typeof server.client>, ids: number[], departmentId = '') =>
    client.postPairs('/moderation', [
      ...ids.map((id) => ['ids', String(id)]),
      ['action', 'route'],
      ['departmentId', departmentId],
    ])

  it('says nothing changed when the challenges had no department already', async () => {
    const author = await createUser()
    const ids = [await createChallengeFor(author.id), await createChallengeFor(author.id)]
    const { client } = await signedIn({ role: 'moderator' })
    const response = await bulk(client, ids)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/moderation?done=0')
    const page = await (await client.get('/moderation?done=0')).text()
    expect(page).toContain('Inget ändrades')
    expect(page).not.toContain('är behandlade')
  })

  it('reports the ones it did take off a department', async () => {
    const author = await createUser()
    const department = await createOrganisation({ kind: 'municipality' })
    const ids = [await createChallengeFor(author.id), await createChallengeFor(author.id)]
    await db
      .updateTable('challenges')
      .set({ department_id: department.id })
      .where('id', '=', ids[0]!)
      .execute()
    const { client } = await signedIn({ role: 'moderator' })
    const response = await bulk(client, ids)
    expect(response.headers.get('location')).toBe('/moderation?done=1')
    expect(await (await client.get('/moderation?done=1')).text()).toContain(
      '1 utmaning är behandlad.',
    )
    const routed = await db
      .selectFrom('challenges')
      .select('department_id')
      .where('id', 'in', ids)
      .execute()
    expect(routed.map((r) => r.department_id)).toEqual([null, null])
  })
})

describe('pledges made through the model', () => {
  it('store the plan as HTML, every attack vector inert', async () => {
    const owner = await createUser()
    const html: string[] = []
    for (const plan of ['*ja*', ...MARKDOWN_VECTORS]) {
      const id = await createChallengeFor(owner.id)
      const user = await createUser()
      const pledgeId = await pledge({
        challengeId: id,
        userId: user.id,
        organisationId: null,
        plan,
      })
      const row = await db
        .selectFrom('pledges')
        .select('plan_html')
        .where('id', '=', pledgeId)
        .executeTakeFirstOrThrow()
      html.push(row.plan_html)
    }
    expect(html[0]!.trim()).toBe('<p><em>ja</em></p>')
    expect(html.flatMap((h) => inertProblems(h))).toEqual([])
  })
})
