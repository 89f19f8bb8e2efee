// Issue 11, item 5: public/ is served from an index built at start (server/static.ts), with the
// headers express.static and express-static-gzip sent before.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { testServerForFile } from '../helpers/http'

const server = testServerForFile()
let asset = ''
beforeAll(async () => {
  const html = await (await fetch(server.origin + '/about')).text()
  asset = /import\("(\/build\/[^"]+\.js)"\)/.exec(html)![1]!
})

/** A GET with exactly these headers (fetch adds Cache-Control: no-cache to conditional ones). */
function status(pathname: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(server.origin + pathname, { headers, agent: false }, (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      })
      .on('error', reject)
  })
}

describe('static files', () => {
  it('serves a build asset in the encoding asked for, a year, with validators', async () => {
    const file = path.resolve('public' + asset)
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
      ['identity', ''],
    ] as const) {
      const response = await fetch(server.origin + asset, {
        headers: { 'Accept-Encoding': encoding },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-encoding')).toBe(
        encoding === 'identity' ? null : encoding,
      )
      expect(response.headers.get('content-type')).toBe('application/javascript; charset=UTF-8')
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(response.headers.get('vary')).toBe('Accept-Encoding')
      expect(response.headers.get('content-length')).toBe(String(fs.statSync(file + suffix).size))
      expect(response.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/)
      expect(response.headers.get('last-modified')).toBeTruthy()
      // helmet's headers too: the files are served after it.
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    const plain = await fetch(server.origin + asset, { headers: { 'Accept-Encoding': 'identity' } })
    expect(await plain.text()).toBe(fs.readFileSync(file, 'utf8'))
  })

  it('answers a conditional request with 304 and HEAD without a body', async () => {
    const first = await fetch(server.origin + '/favicon.svg')
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(first.headers.get('content-type')).toBe('image/svg+xml')
    const etag = first.headers.get('etag')!
    expect(await status('/favicon.svg', { 'If-None-Match': etag })).toBe(304)
    expect(await status('/favicon.svg', { 'If-None-Match': 'W/"0-0"' })).toBe(200)
    const modified = first.headers.get('last-modified')!
    expect(await status('/favicon.svg', { 'If-Modified-Since': modified })).toBe(304)
    // A reload asks past the cache.
    expect(
      await status('/favicon.svg', { 'If-None-Match': etag, 'Cache-Control': 'no-cache' }),
    ).toBe(200)
    const head = await fetch(server.origin + '/robots.txt', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(
      String(fs.statSync(path.resolve('public/robots.txt')).size),
    )
    expect(await head.text()).toBe('')
  })

  it('leaves unknown files and dotfiles to the app, which answers 404', async () => {
    for (const missing of ['/build/nothing-here.js', '/.gitignore', '/build/']) {
      const response = await fetch(server.origin + missing)
      expect(response.status, missing).toBe(404)
    }
  })
})
