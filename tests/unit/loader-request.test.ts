import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { ServerBuild } from '@remix-run/node'
import type { createRequestHandler as CreateRequestHandler } from '@remix-run/server-runtime'
import { describe, expect, it } from 'vitest'

// The server runtime the app runs (CommonJS, through @remix-run/node), which
// patches/@remix-run+server-runtime+*.patch changes.
const require = createRequire(import.meta.url)
const runtimeFile = require.resolve('@remix-run/server-runtime')
const { createRequestHandler } = require(runtimeFile) as {
  createRequestHandler: typeof CreateRequestHandler
}

/** A two-route app (root and one page) whose loaders record the request each was given. */
function recordingBuild() {
  const seen: Record<string, Request[]> = { root: [], page: [] }
  const route = (id: string, parentId: string | undefined, path: string, index = false) => ({
    id,
    parentId,
    path,
    index,
    caseSensitive: false,
    module: {
      default: () => null,
      loader: ({ request }: { request: Request }) => {
        seen[id]!.push(request)
        return { url: request.url }
      },
      action: () => ({ ok: true }),
    },
  })
  const build = {
    mode: 'production',
    entry: {
      module: {
        default: () => new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
      },
    },
    routes: {
      root: route('root', undefined, ''),
      page: route('page', 'root', 'page', true),
    },
    assets: { entry: { module: '', imports: [] }, routes: {}, url: '', version: '1' },
    assetsBuildDirectory: '',
    publicPath: '/build/',
    future: {},
    basename: undefined,
    isSpaMode: false,
  } as unknown as ServerBuild
  return { build, seen }
}

describe('the request a loader gets (server-runtime patch)', () => {
  it('is the patched runtime the server loads', () => {
    const data = fs.readFileSync(runtimeFile.replace(/index\.js$/, 'data.js'), 'utf8')
    expect(data).toContain("Utmana's patch")
  })

  it('gives every loader of a page the same request, with its query as sent', async () => {
    const { build, seen } = recordingBuild()
    const handle = createRequestHandler(build)
    const response = await handle(new Request('http://site.test/page?q=bus%20stop&sort=new'))
    expect(response.status).toBe(200)
    expect(seen.root).toHaveLength(1)
    expect(seen.page).toHaveLength(1)
    expect(seen.page![0]).toBe(seen.root![0])
    expect(new URL(seen.page![0]!.url).searchParams.get('q')).toBe('bus stop')
  })

  it('still strips ?_data and an empty ?index before a loader sees the URL', async () => {
    const { build, seen } = recordingBuild()
    const handle = createRequestHandler(build)
    const response = await handle(new Request('http://site.test/page?index&_data=page&q=x'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ url: 'http://site.test/page?q=x' })
    expect(new URL(seen.page![0]!.url).searchParams.has('_data')).toBe(false)
  })
})
