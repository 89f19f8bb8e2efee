// A route file nested under a page that renders no <Outlet> never shows: Remix renders the parent
// page in its place. /challenges/:id/edit once showed the challenge page for this reason. The
// route tree comes from Remix's own flat-routes convention, so the test sees what the build sees.
import fs from 'node:fs'
import path from 'node:path'
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'
import { describe, expect, it } from 'vitest'

const APP = path.resolve('app')

describe('route tree', () => {
  const routes = Object.values(flatRoutes(APP))
  const source = (file: string) => fs.readFileSync(path.join(APP, file), 'utf8')

  it('nests no route under a page that renders no <Outlet>', () => {
    const hiddenChildren = routes
      .filter((r) => r.parentId && r.parentId !== 'root')
      .map((r) => ({ route: r, parent: routes.find((p) => p.id === r.parentId)! }))
      .filter(({ parent }) => {
        const text = source(parent.file)
        // A route without a default export renders an outlet for its children by itself.
        return /export default/.test(text) && !/<Outlet\b/.test(text)
      })
      .map(({ route, parent }) => `${route.file} under ${parent.file}`)
    expect(hiddenChildren).toEqual([])
  })

  it('keeps /challenges/:id/edit at its URL, beside the challenge page', () => {
    const edit = routes.find((r) => r.file === 'routes/challenges_.$id.edit.tsx')
    expect(edit?.path).toBe('challenges/:id/edit')
    expect(edit?.parentId).toBe('root')
  })
})

// Issue 11: a route module is an entry the build loads, never a library. Whatever two routes
// share lives in models, actions, components or utils; importing a route would also pull its
// loader's server code into whoever imports it.
describe('route modules', () => {
  const ROUTES = path.join(APP, 'routes')
  const sources = (fs.readdirSync(APP, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(APP, file))

  /** The files under app/routes that `file` imports (static, re-export or dynamic). */
  function routeImports(file: string, text: string): string[] {
    const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(?\s*)['"]([^'"]+)['"]/g)].map(
      (m) => m[1]!,
    )
    return specifiers
      .map((s) =>
        s.startsWith('~/')
          ? path.join(APP, s.slice(2))
          : s.startsWith('.')
            ? path.resolve(path.dirname(file), s)
            : '',
      )
      .filter((target) => target.startsWith(ROUTES + path.sep))
  }

  it('reads the app', () => {
    expect(sources.length).toBeGreaterThan(100)
    expect(sources).toContain(path.join(ROUTES, 'challenges._index.tsx'))
  })

  it('finds a route import, relative or through ~/', () => {
    const file = path.join(APP, 'models', 'x.server.ts')
    expect(routeImports(file, `import { loader } from '~/routes/challenges._index'`)).toHaveLength(
      1,
    )
    expect(routeImports(file, `export { action } from '../routes/login'`)).toHaveLength(1)
    expect(routeImports(file, `const m = await import('~/routes/me')`)).toHaveLength(1)
    expect(routeImports(file, `import { db } from '~/db.server'`)).toEqual([])
  })

  it('no module imports a route, routes included', () => {
    const found = sources.flatMap((file) =>
      routeImports(file, fs.readFileSync(file, 'utf8')).map(
        (target) => `${path.relative(APP, file)} → ${path.relative(APP, target)}`,
      ),
    )
    expect(found).toEqual([])
  })
})
