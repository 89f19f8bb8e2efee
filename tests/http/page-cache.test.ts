import { describe, expect, it } from 'vitest'
import { createUser } from '../factories'
import { serverWithOneChallenge } from '../helpers/one-challenge'

const ctx = serverWithOneChallenge()

const nonceOf = (response: Response) =>
  /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]

describe('the anonymous page cache', () => {
  it('serves a repeat visit from memory, compressed, with scripts that still run under its CSP', async () => {
    const first = await fetch(`${ctx.server.origin}/challenges/${ctx.challengeId}`)
    expect(first.headers.get('x-page-cache')).toBe('miss')
    const firstHtml = await first.text()
    const second = await fetch(`${ctx.server.origin}/challenges/${ctx.challengeId}`, {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(second.headers.get('x-page-cache')).toBe('hit')
    expect(second.headers.get('content-encoding')).toBe('br')
    const html = await second.text() // fetch decodes brotli
    expect(html).toBe(firstHtml)
    const nonce = nonceOf(second)
    for (const [, attributes] of html.matchAll(/<script([^>]*)>/g))
      expect(attributes).toContain(`nonce="${nonce}"`)
  })

  it('is not emptied by a HEAD request', async () => {
    await fetch(`${ctx.server.origin}/about`, { method: 'HEAD' })
    const page = await fetch(`${ctx.server.origin}/about`)
    expect((await page.text()).length).toBeGreaterThan(1000)
  })

  it('keeps languages apart', async () => {
    await fetch(`${ctx.server.origin}/about`, { headers: { 'Accept-Language': 'sv' } })
    const en = await fetch(`${ctx.server.origin}/about`, { headers: { 'Accept-Language': 'en' } })
    expect(await en.text()).toContain('<html lang="en"')
  })

  it("never serves one user's page to another, or a cached page to a signed-in user", async () => {
    await fetch(`${ctx.server.origin}/challenges/${ctx.challengeId}`)
    const reader = await createUser({ name: 'Läsaren Lind' })
    const client = ctx.server.client()
    await client.login(reader.email, reader.password)
    // Their first view is rendered for them (and kept for them alone), not the visitors' copy.
    const signedIn = await client.get(`/challenges/${ctx.challengeId}`)
    expect(signedIn.headers.get('x-page-cache')).not.toBe('hit')
    const html = await signedIn.text()
    expect(html).toContain('Logga ut')
    // …and the signed-in page did not end up in the cache for the next visitor.
    const anonymous = await (
      await fetch(`${ctx.server.origin}/challenges/${ctx.challengeId}`)
    ).text()
    expect(anonymous).not.toContain('Logga ut')
    expect(anonymous).not.toContain('Läsaren Lind')
  })

  it('shows a new vote count at once', async () => {
    const count = async () => {
      const html = await (await fetch(`${ctx.server.origin}/challenges/${ctx.challengeId}`)).text()
      return Number(/<strong>(\d+)<\/strong> (?:<!-- -->)?röst/.exec(html)?.[1])
    }
    expect(await count()).toBe(0)
    expect(await count()).toBe(0) // now from the cache
    const voter = await createUser()
    const client = ctx.server.client()
    await client.login(voter.email, voter.password)
    expect((await client.post(`/challenges/${ctx.challengeId}`, { intent: 'vote' })).status).toBe(
      302,
    )
    expect(await count()).toBe(1)
  })
})
