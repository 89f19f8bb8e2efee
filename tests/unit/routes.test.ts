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
