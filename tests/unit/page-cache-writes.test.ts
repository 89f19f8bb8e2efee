// The page cache forgets what it holds after any write that may have changed data, not only
// after the ones that answered below 400 (found in review of issue 10, item 2): an action that
// committed and then failed (500), or whose client went away before the answer, changed the
// pages as much as a successful one.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPageCache } from '../../server/page-cache'

let server: http.Server
let origin = ''

beforeAll(async () => {
  const cache = createPageCache({ variantOf: async () => 'sv' })
  const app = express()
  app.use((_req, res, next) => {
    res.locals.nonce = 'n'
    next()
  })
  app.use(cache.middleware)
  app.get('/page', (_req, res) => {
    res.locals.privateHeader = 'sv'
    res.type('html').send('<p>sidan</p>')
  })
  app.post('/fails-after-commit', (_req, res) => {
    res.status(500).send('fel')
  })
  app.post('/never-answers', () => {})
  // The front door sees every request (and answers hits); Express stores what the app marks.
  server = http.createServer((req, res) => cache.frontDoor(req, res, () => app(req, res)))
  server.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const cacheState = async () => (await fetch(`${origin}/page`)).headers.get('x-page-cache')

async function warm() {
  await fetch(`${origin}/page`)
  expect(await cacheState()).toBe('hit')
}

describe('the page cache after a write', () => {
  it('forgets its pages after a write that answered 500', async () => {
    await warm()
    expect((await fetch(`${origin}/fails-after-commit`, { method: 'POST' })).status).toBe(500)
    expect(await cacheState()).toBe('miss')
  })

  it('forgets its pages after a write whose client went away before the answer', async () => {
    await warm()
    const controller = new AbortController()
    const pending = fetch(`${origin}/never-answers`, {
      method: 'POST',
      signal: controller.signal,
    }).catch(() => null)
    await new Promise((resolve) => setTimeout(resolve, 100))
    controller.abort()
    await pending
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await cacheState()).toBe('miss')
  })
})
