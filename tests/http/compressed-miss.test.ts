// A page cache miss goes out compressed like a hit (server/page-cache.ts's middleware, issue 13):
// the first anonymous visitor of a public page no longer gets 16 KB of plain HTML.
import http from 'node:http'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createUser } from '../factories'
import { serverWithOneChallenge } from '../helpers/one-challenge'

const ctx = serverWithOneChallenge()

/** A GET as sent, without fetch's decoding: the status, the headers and the body's bytes. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${ctx.server.origin}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        })
        .on('error', reject)
    },
  )
}

describe('a page cache miss', () => {
  it('is sent compressed, as the client accepts, with the same page a hit sends', async () => {
    ctx.server.app.pageCache?.clear()
    const path = `/challenges/${ctx.challengeId}`
    const miss = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(miss.status).toBe(200)
    expect(miss.headers['x-page-cache']).toBe('miss')
    expect(miss.headers['content-encoding']).toBe('br')
    expect(Number(miss.headers['content-length'])).toBe(miss.body.length)
    expect(miss.headers.vary).toMatch(/Accept-Encoding/i)
    const html = zlib.brotliDecompressSync(miss.body).toString()
    expect(html).toContain('Trasiga bänkar i parken vid torget')
    expect(html.length).toBeGreaterThan(miss.body.length * 2)

    // The cache kept the page itself, not the compressed bytes: a hit in each encoding.
    const hit = await get(path, { 'Accept-Encoding': 'gzip' })
    expect(hit.headers['x-page-cache']).toBe('hit')
    expect(hit.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(hit.body).toString()).toBe(html)
    const plainHit = await get(path)
    expect(plainHit.headers['content-encoding']).toBeUndefined()
    expect(plainHit.body.toString()).toBe(html)

    ctx.server.app.pageCache?.clear()
    const gzipMiss = await get(path, { 'Accept-Encoding': 'gzip' })
    expect(gzipMiss.headers['x-page-cache']).toBe('miss')
    expect(gzipMiss.headers['content-encoding']).toBe('gzip')
    // Rendered anew: the same page but for its CSP nonce.
    const withoutNonce = (page: string) => page.replace(/nonce="[^"]*"/g, '')
    expect(withoutNonce(zlib.gunzipSync(gzipMiss.body).toString())).toBe(withoutNonce(html))
  })

  it('is sent plain to a client that accepts no compression', async () => {
    ctx.server.app.pageCache?.clear()
    const miss = await get(`/challenges/${ctx.challengeId}`)
    expect(miss.headers['x-page-cache']).toBe('miss')
    expect(miss.headers['content-encoding']).toBeUndefined()
    expect(miss.body.toString()).toContain('Trasiga bänkar i parken vid torget')
  })

  it('leaves pages the cache does not keep streamed as before: personal ones, errors', async () => {
    const reader = await createUser({ name: 'Läsaren Lind' })
    const client = ctx.server.client()
    await client.login(reader.email, reader.password)
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    // A member's own page (not a public one, which is kept for them).
    const signedIn = await get('/me', {
      'Accept-Encoding': 'br',
      Cookie: cookie,
    })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers['x-page-cache']).toBeUndefined()
    expect(signedIn.headers['content-encoding']).toBeUndefined()
    expect(signedIn.body.toString()).toContain('Läsaren Lind')

    const missing = await get('/challenges/999999999', { 'Accept-Encoding': 'br' })
    expect(missing.status).toBe(404)
    expect(missing.headers['content-encoding']).toBeUndefined()
  })
})
