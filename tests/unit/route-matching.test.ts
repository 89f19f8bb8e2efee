import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from '@remix-run/router'
import { describe, expect, it } from 'vitest'

// The server loads the router's CommonJS build (through @remix-run/server-runtime), which is
// the file patches/@remix-run+router+*.patch changes; import that one, not the ESM build.
const require = createRequire(import.meta.url)
const routerFile = require.resolve('@remix-run/router')
const { matchRoutes } = require(routerFile) as { matchRoutes: typeof MatchRoutes }

type Route = AgnosticRouteObject

/** A tree shaped like the app's: a pathless root, static, dynamic, nested, index and splat routes. */
function appLikeTree(prefix: string): Route[] {
  const r = (id: string, extra: { path?: string; index?: true; children?: Route[] }) =>
    ({ id: `${prefix}${id}`, ...extra }) as Route
  return [
    r('root', {
      path: '',
      children: [
        r('index', { index: true }),
        r('about', { path: 'about' }),
        r('board', { path: 'challenges' }),
        r('new', { path: 'challenges/new' }),
        r('challenge', { path: 'challenges/:id' }),
        r('edit', { path: 'challenges/:id/edit' }),
        r('photo', { path: 'photos/:key/:file' }),
        r('me', { path: 'me', children: [r('me.index', { index: true })] }),
        r('splat', { path: '*' }),
      ],
    }),
  ]
}

const ids = (routes: Route[], url: string) =>
  matchRoutes(routes, url)?.map((m) => ({ id: m.route.id, params: m.params })) ?? null

describe('route matching with the router patch', () => {
  it('is the patched router the server loads', () => {
    expect(fs.readFileSync(routerFile, 'utf8')).toContain("Utmana's patch")
  })

  it('finds the same route every time, with this request’s params', () => {
    const routes = appLikeTree('')
    for (let round = 0; round < 3; round++) {
      expect(ids(routes, '/about')?.at(-1)?.id).toBe('about')
      expect(ids(routes, '/challenges')?.at(-1)?.id).toBe('board')
      expect(ids(routes, '/challenges/new')?.at(-1)?.id).toBe('new')
      expect(ids(routes, `/challenges/${round + 7}`)?.at(-1)).toEqual({
        id: 'challenge',
        params: { id: String(round + 7) },
      })
      expect(ids(routes, `/challenges/${round}/edit`)?.at(-1)?.params).toEqual({
        id: String(round),
      })
      expect(ids(routes, '/photos/abc/card.webp')?.at(-1)?.params).toEqual({
        key: 'abc',
        file: 'card.webp',
      })
      expect(ids(routes, '/me')?.at(-1)?.id).toBe('me.index')
      expect(ids(routes, '/no/such/page')?.at(-1)).toEqual({
        id: 'splat',
        params: { '*': 'no/such/page' },
      })
    }
  })

  it('answers with the routes of the tree it was given, not a tree matched before', () => {
    const first = appLikeTree('a:')
    const second = appLikeTree('b:')
    expect(ids(first, '/challenges/5')?.at(-1)?.id).toBe('a:challenge')
    expect(ids(second, '/challenges/5')?.at(-1)?.id).toBe('b:challenge')
    const [match] = matchRoutes(second, '/about')!.slice(-1)
    expect(match!.route).toBe(second[0]!.children![1])
  })

  it('gives each caller its own matches of a path matched before (a loader may change params)', () => {
    const routes = appLikeTree('')
    const first = matchRoutes(routes, '/challenges/9/edit')!
    ;(first.at(-1)!.params as Record<string, string>).id = 'changed'
    first.pop()
    const second = matchRoutes(routes, '/challenges/9/edit')!
    expect(second.map((m) => m.route.id)).toEqual(['root', 'edit'])
    expect(second.at(-1)!.params).toEqual({ id: '9' })
    // As the router makes them: the matches of one URL share one params object.
    expect(second[0]!.params).toBe(second[1]!.params)
    expect(matchRoutes(routes, '/challenges/9/edit')![1]!.params).not.toBe(second[1]!.params)
  })

  it('matches a path again after the remembered paths were let go (past 2,000)', () => {
    const routes = appLikeTree('')
    for (let id = 1; id <= 2100; id++)
      expect(matchRoutes(routes, `/challenges/${id}`)!.at(-1)!.params).toEqual({ id: String(id) })
    expect(ids(routes, '/challenges/1')?.at(-1)).toEqual({ id: 'challenge', params: { id: '1' } })
  })
})

describe('loader data of a document request (router patch: json kept beside its response)', () => {
  const { json, createStaticHandler } = require(routerFile) as {
    json: (data: unknown, init?: ResponseInit) => Response
    createStaticHandler: (routes: Route[]) => {
      query: (request: Request) => Promise<{ loaderData: Record<string, unknown> } | Response>
    }
  }

  it('reaches the page as the JSON the loader returned, and a client still reads the body', async () => {
    const data = {
      title: 'Ljus på gångvägen',
      when: new Date('2026-12-04T10:00:00Z'),
      gone: undefined,
    }
    const handler = createStaticHandler([
      { id: 'page', path: '/', loader: () => json(data, { headers: { 'X-Kept': 'yes' } }) },
    ] as Route[])
    const context = await handler.query(new Request('http://localhost/'))
    if (context instanceof Response) throw new Error('expected a render context')
    // What a browser's JSON.parse would see: the date as a string, undefined fields gone.
    expect(context.loaderData.page).toEqual({
      title: 'Ljus på gångvägen',
      when: '2026-12-04T10:00:00.000Z',
    })
    const response = json(data)
    expect(await response.json()).toEqual({
      title: 'Ljus på gångvägen',
      when: '2026-12-04T10:00:00.000Z',
    })
  })
})

describe('the static router of a document render (react-router-dom patch)', () => {
  // @remix-run/react's RemixServer loads react-router-dom/server's CommonJS build.
  const { createStaticRouter } = require(require.resolve('react-router-dom/server')) as {
    createStaticRouter: (
      routes: Route[],
      context: { matches: []; location: { pathname: string } },
    ) => { routes: Route[] }
  }
  const context = { matches: [] as [], location: { pathname: '/' } }

  it('makes the data routes of one route tree once, and another tree its own', () => {
    const tree = appLikeTree('a:')
    const first = createStaticRouter(tree, context)
    const again = createStaticRouter(tree, context)
    expect(again.routes).toBe(first.routes)
    const other = createStaticRouter(appLikeTree('b:'), context)
    expect(other.routes).not.toBe(first.routes)
    expect(other.routes[0]!.id).toBe('b:root')
    expect(first.routes[0]!.id).toBe('a:root')
  })
})
