// The app's routes as the build sees them (Remix's own flat-routes convention), read from the
// route files, so tests that walk every route or every form pick up new ones by themselves.
import fs from 'node:fs'
import path from 'node:path'
import { flatRoutes } from '@remix-run/dev/dist/config/flat-routes.js'

const APP = path.resolve('app')

export interface RouteFile {
  /** Remix's route id, e.g. `routes/challenges.$id`: what `?_data=` takes. */
  id: string
  /** The URL pattern, with parent paths joined: `challenges/:id`, `api/v1/challenges/:id`. */
  pattern: string
  file: string
  source: string
  hasLoader: boolean
  hasAction: boolean
  /** A page (default export) rather than a resource route. */
  isPage: boolean
}

const exported = (source: string, name: string) =>
  new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${name}\\b`).test(source)

export function listRouteFiles(): RouteFile[] {
  const manifest = flatRoutes(APP)
  const routes = Object.values(manifest)
  const fullPath = (id: string): string => {
    const route = manifest[id]
    if (!route) return ''
    const own = route.path ?? ''
    const parent = route.parentId && route.parentId !== 'root' ? fullPath(route.parentId) : ''
    return [parent, own].filter(Boolean).join('/')
  }
  return routes.map((route) => {
    const source = fs.readFileSync(path.join(APP, route.file), 'utf8')
    return {
      id: route.id,
      pattern: `/${fullPath(route.id)}`,
      file: route.file,
      source,
      hasLoader: exported(source, 'loader'),
      hasAction: exported(source, 'action'),
      isPage: /export\s+default\b/.test(source),
    }
  })
}

/** The source a route's action delegates to: the route file and the `~/actions/*` it imports. */
export function actionSources(route: RouteFile): string[] {
  const sources = [route.source]
  for (const match of route.source.matchAll(/from\s+'~\/(actions\/[\w.-]+)'/g)) {
    const file = path.join(APP, `${match[1]}.ts`)
    if (fs.existsSync(file)) sources.push(fs.readFileSync(file, 'utf8'))
  }
  return sources
}

/** The body of `export async function action(...) { … }`, found by balancing braces. */
export function actionBody(source: string): string {
  const start = source.search(/export\s+(async\s+)?function\s+action\b/)
  if (start < 0) return ''
  const open = source.indexOf('{', source.indexOf(')', start))
  let depth = 0
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++
    else if (source[i] === '}' && --depth === 0) return source.slice(open, i + 1)
  }
  return source.slice(open)
}

/**
 * The intents a route's action answers, read from its source in every shape the app uses to
 * dispatch them:
 * - `form.get('intent') === 'x'`, `intent === 'x'`, `intent !== 'x'` (a single-form guard),
 * - `case 'x':` in a switch on the intent,
 * - a `handlers` object in an imported `~/actions/*.server.ts` (its keys),
 * - a zod field `intent: z.enum([...])` or `z.literal('x')` in the route's own schema,
 * plus every `name="intent" value="x"` its forms send, so a form whose intent the action
 * forgot is tried too. A route whose action reads no intent has the one intent `''`.
 */
export function findIntents(route: RouteFile): string[] {
  const found = new Set<string>()
  const body = actionBody(route.source)
  const readsIntent = /intent/.test(body)
  const sources = actionSources(route)
  for (const source of sources) {
    for (const m of source.matchAll(
      /(?:get\('intent'\)|\bintent)\s*[!=]==\s*'([\w:-]+)'|'([\w:-]+)'\s*[!=]==\s*intent\b/g,
    ))
      found.add(m[1] ?? m[2]!)
    for (const m of source.matchAll(/\bcase\s+'([\w:-]+)'\s*:/g)) {
      // Only the switch on the intent: other switches (on status, kind) also use `case`.
      if (/switch\s*\(\s*intent\s*\)/.test(source)) found.add(m[1]!)
    }
    for (const m of source.matchAll(/intent:\s*z\.enum\(\[([^\]]*)\]\)/g))
      for (const v of m[1]!.matchAll(/'([\w:-]+)'/g)) found.add(v[1]!)
    for (const m of source.matchAll(/intent:\s*z\.literal\('([\w:-]+)'\)/g)) found.add(m[1]!)
  }
  // A dispatch table: `const handlers: Record<string, …> = { async vote(c) {…}, async 'edit-comment'(c) … }`.
  for (const source of sources.slice(1)) {
    const table = /const handlers[^=]*=\s*\{/.exec(source)
    if (!table) continue
    let depth = 0
    let i = table.index + table[0].length - 1
    const start = i
    for (; i < source.length; i++) {
      if (source[i] === '{') depth++
      else if (source[i] === '}' && --depth === 0) break
    }
    const inner = source.slice(start + 1, i)
    // Keys at the table's own depth: `async name(` or `async 'name'(`, at the start of a line.
    for (const m of inner.matchAll(/^ {2}async\s+(?:'([\w:-]+)'|([\w]+))\s*\(/gm))
      found.add(m[1] ?? m[2]!)
  }
  for (const m of route.source.matchAll(/name="intent"[^>]*?value="([\w:-]+)"/g)) found.add(m[1]!)
  for (const m of route.source.matchAll(/value="([\w:-]+)"[^>]*?name="intent"/g)) found.add(m[1]!)
  if (!readsIntent && found.size === 0) return ['']
  return [...found].sort()
}
