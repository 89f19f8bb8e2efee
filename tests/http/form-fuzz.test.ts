// Every form, fuzzed (issue 10, "make the class impossible"): for each action and intent the
// route files dispatch (tests/helpers/route-files.ts), fast-check sends bodies built from the
// row's valid one in tests/helpers/action-table.ts (real target ids) with fields dropped,
// repeated, replaced by random text, NUL, lone surrogates, invalid UTF-8 bytes, huge numbers,
// ten thousand extra fields, or the wrong content type, as the most privileged role that may
// use the form. The answer is never a 500, and an error answer writes nothing: the rows of every
// table are fingerprinted before and after. FUZZ_RUNS and FUZZ_SEED repeat or widen a run; a
// failure prints its seed and the smallest body found.
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { db } from '~/db.server'
import {
  ACTION_TABLE,
  makeCast,
  ROLES,
  type Body,
  type Cast,
  type Ids,
  type Role,
} from '../helpers/action-table'
import { createUser } from '../factories'
import { startTestServer, type Client } from '../helpers/http'
import { findIntents, listRouteFiles, type RouteFile } from '../helpers/route-files'
import { listColumns, listTables, type Column } from '../helpers/schema'
import { onPostgres } from '../helpers/setup'

const RUNS = Number(process.env.FUZZ_RUNS ?? 6)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31

let server: Awaited<ReturnType<typeof startTestServer>>
let cast: Cast

beforeAll(async () => {
  server = await startTestServer()
  cast = await makeCast(server.client)
  console.info(`form fuzz: seed ${SEED}, ${RUNS} runs per form (FUZZ_SEED, FUZZ_RUNS)`)
})
afterAll(() => server.close())

// ---- what is sent ---------------------------------------------------------------------------

/** A field value: text (sent as UTF-8) or raw bytes (which need not be UTF-8 at all). */
type Value = { text: string } | { bytes: number[] }
type Field = [key: Value, value: Value]
type Shape = 'urlencoded' | 'multipart' | 'json' | 'text' | 'empty'
interface Attempt {
  shape: Shape
  fields: Field[]
  /** Replaces the route's id parameter, when set. */
  id?: string
}

const text = (t: string): Value => ({ text: t })
const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\u202Eevil',
  '\u200B\u200B\u200B',
  '<script>alert(1)</script>',
  "' OR 1=1--",
  '"',
  'NEAR(',
  '0',
  '-1',
  '1e309',
  '9007199254740993',
  '0x10',
  ' 7',
  '1.5',
  'NaN',
  'Infinity',
  '1'.repeat(400),
  'x'.repeat(20_000),
  'on',
  'true',
  'null',
  '__proto__',
  'constructor',
  'admin',
  'javascript:alert(1)',
  '//evil.example',
  'a\r\nSet-Cookie: x=1',
]
/** Byte sequences that are not UTF-8: a lone surrogate (CESU-8), overlong NUL, stray bytes. */
const BAD_BYTES = [
  [0xed, 0xa0, 0x80],
  [0xc0, 0x80],
  [0xff],
  [0xfe, 0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0x00],
]

const nastyValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT).map(text) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(text) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(text) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_BYTES).map((bytes) => ({ bytes })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 })
      .map((bytes) => ({ bytes })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer(), fc.double(), fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }))
      .map((n) => text(String(n))),
  },
)
const EXTRA_KEYS = ['role', 'authorId', 'votes', 'status', 'hidden', 'id', 'userId', '__proto__']
const extraKey: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom(...EXTRA_KEYS).map(text),
  fc.string({ unit: 'binary', maxLength: 10 }).map(text),
  fc.constantFrom(...BAD_BYTES).map((bytes) => ({ bytes })),
)

/** What happens to one valid field. */
const fieldFate = fc.oneof(
  { weight: 4, arbitrary: fc.constant<'keep'>('keep') },
  { weight: 2, arbitrary: fc.constant<'drop'>('drop') },
  { weight: 3, arbitrary: nastyValue.map((v) => ({ replace: v })) },
  {
    weight: 2,
    arbitrary: fc.array(nastyValue, { minLength: 1, maxLength: 3 }).map((v) => ({ repeat: v })),
  },
)

function attempts(valid: Body): fc.Arbitrary<Attempt> {
  const keys = Object.keys(valid)
  const mutated = fc
    .record({
      fates: fc.tuple(...keys.map(() => fieldFate)),
      extras: fc.array(fc.tuple(extraKey, nastyValue), { maxLength: 4 }),
      shape: fc.constantFrom<Shape>(
        'urlencoded',
        'urlencoded',
        'urlencoded',
        'urlencoded',
        'multipart',
        'json',
        'text',
        'empty',
      ),
      // Now and then a broken id in the URL instead of the real one.
      id: fc.oneof(
        { weight: 7, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '0',
            '-1',
            'abc',
            '1 OR 1=1',
            '1e309',
            '0x10',
            '9007199254740993',
          ),
        },
      ),
    })
    .map(({ fates, extras, shape, id }): Attempt => {
      const fields: Field[] = []
      keys.forEach((key, i) => {
        const fate = fates[i]!
        const values = ([] as string[]).concat(valid[key]!)
        if (fate === 'keep') for (const v of values) fields.push([text(key), text(v)])
        else if (fate === 'drop') return
        else if ('replace' in fate) fields.push([text(key), fate.replace])
        else for (const v of [...values.map(text), ...fate.repeat]) fields.push([text(key), v])
      })
      for (const [k, v] of extras) fields.push([k, v])
      return { shape, fields, id }
    })
  // Ten thousand fields beside the valid ones, now and then.
  const many = fc.constant<Attempt>({
    shape: 'urlencoded',
    fields: [
      ...Object.entries(valid).flatMap(([k, v]) =>
        ([] as string[]).concat(v).map((x): Field => [text(k), text(x)]),
      ),
      ...Array.from({ length: 10_000 }, (_, i): Field => [text(`f${i}`), text('x')]),
    ],
  })
  return fc.oneof({ weight: 12, arbitrary: mutated }, { weight: 1, arbitrary: many })
}

const bytesOf = (v: Value) => ('text' in v ? Buffer.from(v.text, 'utf8') : Buffer.from(v.bytes))
const percent = (b: Buffer) =>
  [...b]
    .map((x) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(x))
        ? String.fromCharCode(x)
        : `%${x.toString(16).padStart(2, '0')}`,
    )
    .join('')

/** The request for an attempt: body and content type, bytes exactly as chosen. */
function encode(attempt: Attempt): { body?: BodyInit; headers: Record<string, string> } {
  const { fields } = attempt
  switch (attempt.shape) {
    case 'urlencoded':
      return {
        body: fields.map(([k, v]) => `${percent(bytesOf(k))}=${percent(bytesOf(v))}`).join('&'),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }
    case 'multipart': {
      const form = new FormData()
      for (const [k, v] of fields) {
        const key = 'text' in k ? k.text : Buffer.from(k.bytes).toString('latin1')
        if ('text' in v) form.append(key, v.text)
        else form.append(key, new Blob([Buffer.from(v.bytes)]), 'x.bin')
      }
      return { body: form, headers: {} }
    }
    case 'json':
      return {
        body: JSON.stringify(
          Object.fromEntries(
            fields.map(([k, v]) => [bytesOf(k).toString(), bytesOf(v).toString()]),
          ),
        ),
        headers: { 'Content-Type': 'application/json' },
      }
    case 'text':
      return {
        body: Buffer.concat(
          fields.map(([k, v]) =>
            Buffer.concat([bytesOf(k), Buffer.from('='), bytesOf(v), Buffer.from('\n')]),
          ),
        ),
        headers: { 'Content-Type': 'text/plain' },
      }
    case 'empty':
      return { body: '', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }
  }
}

// ---- what is checked ------------------------------------------------------------------------

/**
 * Tables whose rows a refused request may still touch, by design: rate-limit counters
 * (attempts count before the work), sessions (read and touched on every request) and the mail
 * outbox's delivery columns (the sender works in the background). Their row counts still count.
 */
const COUNT_ONLY = new Set(['rate_limits', 'sessions', 'email_outbox'])
const SKIP = new Set(['rate_limits'])

/**
 * One column's print. SQLite: the summed length of every value's literal (NULL counts 4) and the
 * sum of its numbers (booleans are 0/1 there). PostgreSQL, by the column's type: the summed
 * length of the values as text, how many are not null, and the exact sum of numbers or the count
 * of trues.
 */
function columnPrint(column: Column): string {
  const c = `"${column.name.replaceAll('"', '""')}"`
  if (!onPostgres) {
    return `total(length(quote(${c}))) || ':' || total(typeof(${c}) in ('integer','real') and ${c})`
  }
  const text = `coalesce(sum(length(${c}::text)), 0) || ':' || count(${c})`
  if (column.kind === 'number') return `${text} || ':' || coalesce(sum(${c}::numeric), 0)`
  if (column.kind === 'boolean') return `${text} || ':' || count(*) filter (where ${c})`
  return text
}

let fingerprintSql: string | undefined
/** Per table: the row count and a sum over every column's value and length. */
async function fingerprint(): Promise<Record<string, string>> {
  if (!fingerprintSql) {
    const parts: string[] = []
    for (const name of await listTables()) {
      if (SKIP.has(name)) continue
      const q = (s: string) => `"${s.replaceAll('"', '""')}"`
      const sums = COUNT_ONLY.has(name)
        ? "''"
        : (await listColumns(name)).map(columnPrint).join(" || ',' || ")
      parts.push(
        `select '${name}' as name, count(*) || ';' || ${sums || "''"} as print from ${q(name)}`,
      )
    }
    fingerprintSql = parts.join(' union all ')
  }
  const rows = await sql<{ name: string; print: string }>`${sql.raw(fingerprintSql)}`.execute(db)
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.print]))
}

const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k])

/** The most privileged role the row allows (admins for forms nobody may use). */
function strongest(allowed: readonly Role[]): Role {
  return [...ROLES].reverse().find((r) => allowed.includes(r)) ?? 'admin'
}

async function signedInAs(client: Client, role: Role) {
  if (role === 'visitor') return true
  const data = (await (await client.get('/?_data=root')).json()) as {
    user: { id: number; role: string } | null
  }
  return data.user?.id === cast.users[role].id && data.user.role === accountRole(role)
}

/** The account role behind a cast role. */
const accountRole = (role: Exclude<Role, 'visitor'>) =>
  role === 'moderator' || role === 'admin' ? role : 'member'

function urlFor(route: RouteFile, ids: Ids, id?: string) {
  const filled = route.pattern.replace(/:(\w+)|\*/g, (_, name: string | undefined) => {
    const value = name === 'id' && id !== undefined ? id : (ids[name ?? 'splat'] ?? 'x')
    return encodeURIComponent(String(value))
  })
  return route.index ? `${filled}?index` : filled
}

// ---- the forms ------------------------------------------------------------------------------

const forms = listRouteFiles()
  .filter((r) => r.hasAction)
  .flatMap((route) => findIntents(route).map((intent) => ({ route, intent })))
  .filter(({ route, intent }) => ACTION_TABLE[route.id]?.[intent])

describe('every form, fuzzed', () => {
  it.each(forms.map((f) => [`${f.route.id} [${f.intent}]`, f] as const))(
    '%s: never a 500, never a partial write',
    { timeout: 60_000 },
    async (_, { route, intent }) => {
      const row = ACTION_TABLE[route.id]![intent]!
      const role = strongest(row.allowed)
      // Someone else's ban, role change or password change may have taken a person away.
      if (!(await signedInAs(cast.clients[role], role))) cast = await makeCast(server.client)
      const ids = (await row.setup?.(cast)) ?? {}
      const valid: Body = { ...(row.body?.(ids, cast, role) ?? {}) }
      if (intent) valid.intent = intent
      const failures: string[] = []
      const statuses = new Map<number, number>()
      await fc
        .assert(
          fc.asyncProperty(attempts(valid), async (attempt) => {
            // Forms that sign out, sign in or delete the account get a person of their own.
            const client =
              row.fresh && role !== 'visitor' ? await freshClient(role) : cast.clients[role]
            const before = await fingerprint()
            const { body, headers } = encode(attempt)
            const response = await client.request(urlFor(route, ids, attempt.id), {
              method: 'POST',
              body,
              headers,
            })
            await response.arrayBuffer()
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
            const after = await fingerprint()
            const written = response.status >= 400 ? changedTables(before, after) : []
            if (response.status >= 500 || written.length) {
              failures.push(
                `${response.status}${written.length ? ` wrote ${written.join(', ')}` : ''}`,
              )
              return false
            }
            return true
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((error: Error) => {
          throw new Error(
            `${route.id} [${intent}] as ${role}: ${failures.at(-1)}\n${error.message}`,
          )
        })
      // FUZZ_LOG=1 shows the answers, to see how deep the bodies reach.
      if (process.env.FUZZ_LOG) console.info(route.id, intent, role, Object.fromEntries(statuses))
    },
  )
})

async function freshClient(role: Exclude<Role, 'visitor'>) {
  const user = await createUser({ role: accountRole(role) })
  const client = server.client()
  await client.login(user.email, user.password)
  return client
}
