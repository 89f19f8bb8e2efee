// Issue 11: a member's public pages are kept for that member until anything is written
// (app/services/page-cache.server.ts, server/page-cache.ts). What must hold: their copy is theirs
// alone, it never outlives a commit (this process's, another connection's) or their session,
// and a banned member's pages are never kept.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { renameOnAnotherConnection } from '../helpers/another-connection'

const server = testServerForFile()
afterEach(() => vi.useRealTimers())

let page = 0
/** A challenge of its own and a URL of its page that no other case has used. */
async function freshChallenge(title: string) {
  const author = await createUser({ name: 'Författaren Ek' })
  const id = await createChallengeFor(author.id, { title })
  return { id, path: `/challenges/${id}?member=${++page}` }
}

/**
 * The member's page, read until it comes from the cache. On PostgreSQL the database's version is
 * the cluster's snapshot, which other test files' writes move at any moment: a read that met one
 * is simply rendered again, so the loop waits for a quiet moment. On SQLite the second read hits.
 */
async function keptFor(client: Client, path: string) {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await client.get(path)
    const body = await response.text()
    if (response.headers.get('x-page-cache') === 'hit') return body
  }
  throw new Error(`${path} never came from the cache`)
}

const votesIn = (html: string) =>
  Number(/<strong>(\d+)<\/strong> (?:<!-- -->)?röst/.exec(html)?.[1])

describe("a member's kept pages", () => {
  it('are served to that member alone, never to another member or a visitor', async () => {
    const { path } = await freshChallenge('Trasig gatlykta på Storgatan')
    const anna = await server.signedIn({ name: 'Medlemmen Anna Ask' })
    const bo = await server.signedIn({ name: 'Medlemmen Bo Berg' })
    const kept = await keptFor(anna.client, path)
    expect(kept).toContain('Medlemmen Anna Ask')
    expect(kept).toContain('Logga ut')

    const bos = await bo.client.get(path)
    const bosHtml = await bos.text()
    expect(bosHtml).toContain('Medlemmen Bo Berg')
    expect(bosHtml).not.toContain('Medlemmen Anna Ask')

    for (let i = 0; i < 2; i++) {
      const visitor = await (await server.client().get(path)).text()
      expect(visitor).not.toContain('Medlemmen Anna Ask')
      expect(visitor).not.toContain('Logga ut')
    }
    // Signed out: the same browser (the same cookie jar, without a session) is a visitor.
    expect((await anna.client.post('/logout', {})).status).toBe(302)
    const afterLogout = await (await anna.client.get(path)).text()
    expect(afterLogout).not.toContain('Medlemmen Anna Ask')
  })

  it("show another member's vote at once", async () => {
    const { id, path } = await freshChallenge('Halt på gångbron vid ån')
    const reader = await server.signedIn({ name: 'Läsaren Lo' })
    expect(votesIn(await keptFor(reader.client, path))).toBe(0)
    const voter = await server.signedIn()
    expect((await voter.client.post(`/challenges/${id}`, { intent: 'vote' })).status).toBe(302)
    const after = await reader.client.get(path)
    expect(after.headers.get('x-page-cache')).not.toBe('hit')
    expect(votesIn(await after.text())).toBe(1)
  })

  it("show a change written on the app's own connection at once, with no request to empty the cache", async () => {
    const { id, path } = await freshChallenge('Översvämmad gångtunnel')
    const reader = await server.signedIn()
    expect(await keptFor(reader.client, path)).toContain('Översvämmad gångtunnel')
    // A job or a CLI in this process: the server's own connection, not an HTTP write.
    await db
      .updateTable('challenges')
      .set({ title: 'Pumpad gångtunnel' })
      .where('id', '=', id)
      .execute()
    const html = await (await reader.client.get(path)).text()
    expect(html).toContain('Pumpad gångtunnel')
  })

  it('show a change committed on another connection at once', async () => {
    const { id, path } = await freshChallenge('Klotter på skolans vägg')
    const reader = await server.signedIn()
    expect(await keptFor(reader.client, path)).toContain('Klotter på skolans vägg')
    await renameOnAnotherConnection(id, 'Klotter på idrottshallens vägg')
    const html = await (await reader.client.get(path)).text()
    expect(html).toContain('Klotter på idrottshallens vägg')
    expect(html).not.toContain('Klotter på skolans vägg')
  })

  it('are not served once the session has ended, though nothing was written', async () => {
    const { path } = await freshChallenge('Mörk cykelparkering vid stationen')
    const { user, client } = await server.signedIn({ name: 'Medlemmen Cilla Cederlund' })
    // The session ends in ten seconds (written now, before the page is kept).
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 10_000).toISOString() })
      .where('user_id', '=', user.id)
      .execute()
    expect(await keptFor(client, path)).toContain('Medlemmen Cilla Cederlund')
    // Eleven seconds on: the kept copy is younger than its 30 s, the session is over.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11_000 })
    const after = await client.get(path)
    expect(after.headers.get('x-page-cache')).not.toBe('hit')
    const html = await after.text()
    expect(html).not.toContain('Medlemmen Cilla Cederlund')
    expect(html).not.toContain('Logga ut')
  })

  it("are never kept for a banned member (who reads as a visitor until the ban's end)", async () => {
    const { path } = await freshChallenge('Trasig gunga i lekparken')
    const { user, client } = await server.signedIn({ name: 'Medlemmen Dan Dahl' })
    await db
      .updateTable('users')
      .set({ banned_until: new Date(Date.now() + 86_400_000).toISOString(), ban_reason: 'spam' })
      .where('id', '=', user.id)
      .execute()
    for (let i = 0; i < 3; i++) {
      const response = await client.get(path)
      expect(response.headers.get('x-page-cache')).not.toBe('hit')
      expect(await response.text()).not.toContain('Medlemmen Dan Dahl')
    }
  })
})
