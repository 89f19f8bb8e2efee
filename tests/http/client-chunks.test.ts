import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Reads the browser build `npm test` made (public/build). A page's scripts are the entry's,
// the root's and its route's (Remix's manifest); patches/README.md says why their count matters.
const dir = path.resolve('public/build')

function manifest() {
  const file = fs.readdirSync(dir).find((name) => /^manifest-.*\.js$/.test(name))
  if (!file) throw new Error('no public/build/manifest-*.js: run npm run build')
  const source = fs.readFileSync(path.join(dir, file), 'utf8')
  return JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
    entry: { module: string; imports: string[] }
    routes: Record<string, { module: string; imports?: string[] }>
  }
}

function scriptsOf(routeId: string) {
  const m = manifest()
  const scripts = new Set([m.entry.module, ...m.entry.imports])
  for (const id of ['root', routeId]) {
    const route = m.routes[id]!
    scripts.add(route.module)
    route.imports?.forEach((s) => scripts.add(s))
  }
  return [...scripts]
}

const isStandIn = (script: string) =>
  /^import\{\w+ as \w+\}from"[^"]+";var \w+=\w+\(\(\w+,\w+\)=>\{\w+\.exports=\{\}\}\);export\{\w+ as \w+\};?\s*$/.test(
    fs.readFileSync(path.join(dir, '..', script), 'utf8'),
  )

describe('the scripts a page loads', () => {
  it('hold at most one empty stand-in for server-only modules (the @remix-run/dev patch)', () => {
    for (const route of ['routes/challenges.$id', 'routes/challenges._index', 'routes/_index']) {
      const standIns = scriptsOf(route).filter(isStandIn)
      expect(standIns.length, route).toBeLessThanOrEqual(1)
    }
  })

  it('number at most 30 on the challenge page', () => {
    expect(scriptsOf('routes/challenges.$id').length).toBeLessThanOrEqual(30)
  })
})
