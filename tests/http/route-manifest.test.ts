// Each document names the routes its browser needs (Remix's partial manifest, the routes the
// page matched and those its parent paths match). The server makes its route tree once per
// build and remembers parent-path matches (patches/README.md, "@remix-run/react" and
// "react-router-dom"): pages rendered one after another must each still get their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChallengeFor, createUser } from '../factories'
import { startTestServer } from '../helpers/http'

let server: Awaited<ReturnType<typeof startTestServer>>
let challengeId: number
beforeAll(async () => {
  server = await startTestServer()
  const author = await createUser({ name: 'Vera Holm' })
  challengeId = await createChallengeFor(author.id, { title: 'Trasig belysning i parken' })
})
afterAll(() => server.close())

async function manifestRoutes(path: string) {
  const response = await server.client().get(path)
  expect(response.status, path).toBe(200)
  const html = await response.text()
  const manifest = /window\.__remixManifest = (\{.*?\});\n/s.exec(html)?.[1]
  expect(manifest, `${path} carries a route manifest`).toBeDefined()
  return Object.keys((JSON.parse(manifest!) as { routes: Record<string, unknown> }).routes).sort()
}

describe('the route manifest of each page', () => {
  it('names the routes of the page asked for, however the pages before it were matched', async () => {
    const pages = {
      challenge: `/challenges/${challengeId}`,
      board: '/challenges',
      about: '/about',
      home: '/',
    }
    const first: Record<string, string[]> = {}
    for (const [name, path] of Object.entries(pages)) first[name] = await manifestRoutes(path)

    expect(first.challenge).toContain('routes/challenges.$id')
    expect(first.challenge).toContain('root')
    // The parent path /challenges brings its index route along.
    expect(first.challenge).toContain('routes/challenges._index')
    expect(first.board).toContain('routes/challenges._index')
    expect(first.board).not.toContain('routes/challenges.$id')
    // Every page's parent path / brings the home page's index route.
    expect(first.about).toEqual(['root', 'routes/_index', 'routes/about'])
    expect(first.home).toContain('routes/_index')
    expect(first.home).not.toContain('routes/about')

    // Again, in the other order: the same answers.
    for (const [name, path] of Object.entries(pages).reverse())
      expect(await manifestRoutes(path), name).toEqual(first[name])
  })
})
