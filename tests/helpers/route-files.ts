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
  /** An index route: forms post to `?index`. */
  index: boolean
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
      index: Boolean(route.index),
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

/** The slice of a module from `export const name =` to the next top-level export. */
function exportedSlice(source: string, name: string): string {
  const start = source.search(new RegExp(`export const ${name}\\b`))
  if (start < 0) return ''
  const next = source.indexOf('\nexport ', start + 1)
  return source.slice(start, next < 0 ? undefined : next)
}

/** The schemas a source imports from `~/forms/*`, as their source text. */
function importedSchemas(source: string): string[] {
  const slices: string[] = []
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'~\/(forms\/[\w.-]+)'/g)) {
    const file = path.join(APP, `${m[2]}.ts`)
    if (!fs.existsSync(file)) continue
    const forms = fs.readFileSync(file, 'utf8')
    for (const name of m[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!)) {
      if (name) slices.push(exportedSlice(forms, name))
    }
  }
  return slices
}

/** The intents a schema's source names: `intent: z.enum([...])`, `intent: z.literal('x')`. */
function schemaIntents(source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(/intent:\s*z\.enum\(\[([^\]]*)\]\)/g))
    for (const v of m[1]!.matchAll(/'([\w:-]+)'/g)) found.push(v[1]!)
  for (const m of source.matchAll(/intent:\s*z\.literal\('([\w:-]+)'\)/g)) found.push(m[1]!)
  return found
}

/**
 * The intents a route's action dispatches, read from its source in every shape the app uses:
 * - `form.get('intent') === 'x'`, `intent === 'x'`, `intent !== 'x'` (a single-form guard),
 * - `case 'x':` in a `switch (intent)`,
 * - a `handlers` table in an imported `~/actions/*.server.ts` (its keys),
 * - an intent table declared with `defineIntents` (its keys),
 * - `intent: z.enum([...])` or `z.literal('x')` in a schema the route or its action imports.
 */
export function dispatchedIntents(route: RouteFile): string[] {
  const found = new Set<string>()
  const sources = actionSources(route)
  for (const source of sources) {
    for (const m of source.matchAll(
      /(?:get\('intent'\)|\bintent)\s*[!=]==\s*'([\w:-]+)'|'([\w:-]+)'\s*[!=]==\s*intent\b/g,
    ))
      found.add(m[1] ?? m[2]!)
    // Only a switch on the intent: other switches (on status, kind) use `case` too.
    const switched = /switch\s*\(\s*intent\s*\)\s*\{/.exec(source)
    if (switched) {
      const body = balanced(source, switched.index + switched[0].length - 1)
      for (const m of body.matchAll(/^ {4}case\s+'([\w:-]+)'\s*:/gm)) found.add(m[1]!)
    }
    for (const v of schemaIntents(source)) found.add(v)
    for (const v of importedSchemas(source).flatMap(schemaIntents)) found.add(v)
  }
  // A dispatch table: `const handlers: Record<…> = {` with `async vote(c) {…}` and
  // `async 'edit-comment'(c) {…}` entries at its own depth, when the route calls the function
  // that dispatches through it.
  for (const source of sources.slice(1)) {
    const table = /^const handlers\b.*=\s*\{\s*$/m.exec(source)
    if (!table) continue
    const dispatchers = [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)]
      .filter((m) =>
        /\bhandlers\[/.test(balanced(source, source.indexOf('{', source.indexOf(')', m.index)))),
      )
      .map((m) => m[1]!)
    if (!dispatchers.some((name) => new RegExp(`\\b${name}\\(`).test(route.source))) continue
    const inner = balanced(source, table.index + table[0].lastIndexOf('{'))
    for (const m of inner.matchAll(/^ {2}async\s+(?:'([\w:-]+)'|(\w+))\s*\(/gm))
      found.add(m[1] ?? m[2]!)
  }
  // An intent table (app/utils/intents.server.ts): `defineIntents<Ctx>()({ vote: {…},
  // 'edit-comment': {…}, unvote: voteIntent(false) })` (an entry may be built by a call), in the
  // route itself or in an action module whose dispatching function (one that calls
  // `dispatchIntent`) the route calls.
  for (const [i, source] of sources.entries()) {
    const table = /defineIntents<[^>]*>\(\)\(\{/.exec(source)
    if (!table) continue
    if (i > 0) {
      const dispatchers = [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)]
        .filter((m) =>
          /\bdispatchIntent\(/.test(
            balanced(source, source.indexOf('{', source.indexOf(')', m.index))),
          ),
        )
        .map((m) => m[1]!)
      if (!dispatchers.some((name) => new RegExp(`\\b${name}\\(`).test(route.source))) continue
    }
    const inner = balanced(source, table.index + table[0].length - 1)
    for (const m of inner.matchAll(/^ {2}(?:'([\w:-]+)'|(\w+))\s*:\s*(?:\{|\w+\()/gm))
      found.add(m[1] ?? m[2]!)
  }
  return [...found].sort()
}

/** The text between the brace at `open` and its partner. */
function balanced(source: string, open: number): string {
  let depth = 0
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++
    else if (source[i] === '}' && --depth === 0) return source.slice(open + 1, i)
  }
  return source.slice(open + 1)
}

/**
 * Whether a route's action reads an intent at all: `form.get('intent')`, `{ intent } = …`,
 * `value.intent`, or a dispatch table it calls.
 */
export function readsIntent(route: RouteFile): boolean {
  const reads =
    /get\(\s*'intent'\s*\)|\{[^}]*\bintent\b[^}]*\}\s*=|\.intent\b|\bhandlers\[|\bdispatchIntent\(/
  return [actionBody(route.source), ...actionSources(route).slice(1)].some((s) => reads.test(s))
}

/** The intents a module's forms send: `name="intent" value="x"` and `intent="x"` props. */
export function sentIntents(source: string): string[] {
  const found = new Set<string>()
  for (const m of source.matchAll(/name="intent"[^>]*?value="([\w:-]+)"/g)) found.add(m[1]!)
  for (const m of source.matchAll(/value="([\w:-]+)"[^>]*?name="intent"/g)) found.add(m[1]!)
  for (const m of source.matchAll(/\bintent="([\w:-]+)"/g)) found.add(m[1]!)
  return [...found].sort()
}

/**
 * Every intent to try on a route's action: what it dispatches, what its own forms send, and
 * `''` (no intent field at all: a single-form action's only form, or the fall-through of one
 * that dispatches).
 */
export function findIntents(route: RouteFile): string[] {
  return [...new Set(['', ...dispatchedIntents(route), ...sentIntents(route.source)])].sort()
}
