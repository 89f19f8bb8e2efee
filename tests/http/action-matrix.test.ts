// Route × role × intent (issue 10, "make the class impossible"): every intent every action
// dispatches, found by reading the route files (tests/helpers/route-files.ts), is sent by each
// role with a valid body against real ids, and must succeed exactly for the roles
// tests/helpers/action-table.ts allows (DESIGN.md's role table, written once). A new route or
// intent without a row fails here, so whoever adds it decides who may use it.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTION_TABLE, makeCast, ROLES, type Cast } from '../helpers/action-table'
import { startTestServer } from '../helpers/http'
import {
  dispatchedIntents,
  findIntents,
  listRouteFiles,
  readsIntent,
  sentIntents,
  type RouteFile,
} from '../helpers/route-files'

let server: Awaited<ReturnType<typeof startTestServer>>
let shared: Cast

beforeAll(async () => {
  server = await startTestServer()
  shared = await makeCast(server.client)
})
afterAll(() => server.close())

const actionRoutes = () => listRouteFiles().filter((r) => r.hasAction)

/** The URL a form of this route posts to, with the row's ids in place of the parameters. */
export function actionUrl(route: RouteFile, ids: Record<string, string | number>) {
  const filled = route.pattern.replace(/:(\w+)|\*/g, (_, name: string | undefined) => {
    const value = ids[name ?? 'splat'] ?? (name ? undefined : 'ingenting-har')
    if (value === undefined) throw new Error(`${route.id}: the row gives no value for :${name}`)
    return encodeURIComponent(String(value))
  })
  return route.index ? `${filled}?index` : filled
}

/** A refusal: an error status, or the sign-in page a guard sends a visitor to. */
const refused = (response: Response) =>
  response.status >= 400 ||
  (response.headers.get('location') ?? '').startsWith('/login?redirectTo=')

describe('the action matrix', () => {
  it('has a row for every intent the route files dispatch or send, and none for gone ones', () => {
    const found = actionRoutes().flatMap((r) => findIntents(r).map((i) => `${r.id} [${i}]`))
    const rows = Object.entries(ACTION_TABLE).flatMap(([id, intents]) =>
      Object.keys(intents).map((i) => `${id} [${i}]`),
    )
    expect(
      found.filter((k) => !rows.includes(k)),
      'intents with no row: add them',
    ).toEqual([])
    expect(
      rows.filter((k) => !found.includes(k)),
      'rows for no intent: remove them',
    ).toEqual([])
  })

  it('finds every intent a form sends among what some action dispatches', () => {
    // The static reading must keep up with the code: a form sending an intent no action reads
    // means either a dead form or a dispatch shape the reader misses.
    const dispatched = new Set(actionRoutes().flatMap(dispatchedIntents))
    const sent = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (/\.tsx?$/.test(entry.name))
          for (const i of sentIntents(fs.readFileSync(file, 'utf8'))) sent.add(i)
      }
    }
    walk(path.resolve('app/routes'))
    walk(path.resolve('app/components'))
    expect([...sent].filter((i) => !dispatched.has(i))).toEqual([])
    // Every action that reads an intent dispatches at least one the reader can see.
    const blind = actionRoutes().filter((r) => readsIntent(r) && dispatchedIntents(r).length === 0)
    expect(blind.map((r) => r.id)).toEqual([])
  })

  it('lets each role do exactly what the table allows', { timeout: 120_000 }, async () => {
    const wrong: string[] = []
    let attempts = 0
    for (const route of actionRoutes()) {
      for (const intent of findIntents(route)) {
        const row = ACTION_TABLE[route.id]?.[intent]
        if (!row) continue // reported by the first test
        const cast = row.fresh ? await makeCast(server.client, shared) : shared
        // Each role allowed to act gets a target of its own (acting changes it); the roles that
        // must be refused share one, which a refusal leaves as it was.
        const forRefused = row.setup?.(cast) ?? Promise.resolve({})
        await Promise.all(
          ROLES.map(async (role) => {
            const allowed = row.allowed.includes(role)
            const ids = (await (allowed ? row.setup?.(cast) : forRefused)) ?? {}
            const body = { ...(row.body?.(ids, cast, role) ?? {}) }
            if (intent) body.intent = intent
            const response = await cast.clients[role].request(actionUrl(route, ids), {
              method: 'POST',
              body: toForm(body),
            })
            await response.arrayBuffer()
            attempts++
            if (response.status >= 500 || refused(response) === allowed) {
              wrong.push(
                `${route.id} [${intent}] as ${role}: ${response.status} ` +
                  `${response.headers.get('location') ?? ''} — ` +
                  `${allowed ? 'allowed' : 'not allowed'} (${row.why})`,
              )
            }
          }),
        )
      }
    }
    expect(attempts).toBeGreaterThan(400)
    expect(wrong).toEqual([])
  })
})

/** A urlencoded form; array values become repeated fields. */
export function toForm(body: Record<string, string | string[]>) {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(body))
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
  return form
}
