/**
 * Past one process (issue 12): vote toggles per second and signed-in board requests per second
 * with 1 and with 2 app processes (WEB_CONCURRENCY), on SQLite and on PostgreSQL, all on the
 * demo town seeded the same way into each. PostgreSQL is a throwaway cluster of Debian's
 * postgresql started for the run, durable (fsync and synchronous_commit on, as SQLite runs with
 * synchronous=FULL), so the two databases pay for the same promise.
 *
 *   npx tsx bench/scaling.ts [--quick]          (after `npm run build`; also part of npm run bench)
 */
import { createCookie } from '@remix-run/node'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { createDatabase } from '../db/connection'
import { hashSessionId, SESSION_ABSOLUTE_MS } from '../app/models/session.server'
import { startCluster, withDatabase } from '../scripts/pg-cluster'
import { measureGet, measureVotes, type Measurement } from './load'
import { runCommand, startProductionServer, stopChild } from './procs'

const VOTERS = 400
const SIGNED_IN = 50
const CONNECTIONS = 32

export interface CopyResult {
  source: string
  /** db:copy's last line: rows, tables, seconds, rows/s, checks matched */
  summary: string
  ok: boolean
}

/**
 * `npm run db:copy` of a SQLite database (the benchmark's large town) into an empty PostgreSQL
 * database: exit 0 means every row count and counter matched (db/copy.ts checks them).
 */
async function copyToPostgres(file: string, adminUrl: string): Promise<CopyResult> {
  const admin = createDatabase(adminUrl)
  await sql`create database utmana_copy`.execute(admin.db)
  await admin.close()
  const output = await runCommand(
    process.execPath,
    [
      '--import',
      'tsx',
      'db/copy.ts',
      '--from',
      `file:${file}`,
      '--to',
      withDatabase(adminUrl, 'utmana_copy'),
    ],
    { env: { ...process.env, LOG_LEVEL: 'warn' }, timeoutMs: 900_000, label: 'db:copy' },
  ).catch((error: Error) => error.message)
  const summary =
    output.split('\n').find((line) => line.startsWith('Copied ')) ?? output.slice(-500)
  return { source: path.basename(file), summary, ok: summary.includes('checks match') }
}

export interface ScalingRow {
  database: 'SQLite' | 'PostgreSQL'
  processes: number
  votes: Measurement
  votesExact: boolean
  signedIn: Measurement
}

/** Members for the vote load and their session cookies, written through Kysely (both databases). */
async function prepareUsers(url: string, secret: string) {
  const handle = createDatabase(url)
  const { db } = handle
  try {
    const { password_hash } = await db
      .selectFrom('users')
      .select('password_hash')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const stamp = Date.now()
    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: VOTERS }, (_, i) => ({
          email: `bench-scaling-${stamp}-${i}@example.se`,
          name: `Bänkröstare ${i + 1}`,
          password_hash,
          role: 'member' as const,
          email_frequency: 'never' as const,
          email_verified_at: new Date().toISOString(),
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })),
      )
      .returning('id')
      .execute()
    const cookie = createCookie('utmana_session', { secrets: [secret] })
    const now = new Date()
    const voters: Array<{ id: number; cookie: string }> = []
    const sessions = []
    for (const { id: userId } of users) {
      const id = randomBytes(32).toString('base64url')
      sessions.push({
        id_hash: hashSessionId(id),
        user_id: userId,
        data: JSON.stringify({ userId }),
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      })
      voters.push({ id: userId, cookie: (await cookie.serialize(id)).split(';')[0]! })
    }
    await db.insertInto('sessions').values(sessions).execute()
    const targets = await db
      .selectFrom('challenges')
      .select(['id', 'author_id as author'])
      .where('hidden_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .where('status', 'in', ['open', 'in_progress', 'solved'])
      .orderBy('id')
      .execute()
    return {
      voters,
      targets: targets.map((t) => ({ id: t.id, author: t.author ?? 0 })),
    }
  } finally {
    await handle.close()
  }
}

/** vote_count equals the rows of challenge_votes on every challenge. */
async function countsExact(url: string) {
  const handle = createDatabase(url)
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from challenges c
      where c.vote_count <> (select count(*) from challenge_votes v where v.challenge_id = c.id)`.execute(
      handle.db,
    )
    return Number(rows[0]!.n) === 0
  } finally {
    await handle.close()
  }
}

async function seedDemo(url: string) {
  await runCommand(process.execPath, ['--import', 'tsx', 'db/seed.ts', '--demo'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    timeoutMs: 300_000,
    label: `demo seed (${url.split(':')[0]})`,
  })
}

async function measureOne(
  database: ScalingRow['database'],
  url: string,
  processes: number,
  seconds: number,
  tmp: string,
  say: (m: string) => void,
): Promise<ScalingRow> {
  const secret = randomBytes(32).toString('hex')
  const { voters, targets } = await prepareUsers(url, secret)
  const { server, origin } = await startProductionServer({
    databaseUrl: url,
    secret,
    logFile: path.join(tmp, `server-${database.toLowerCase()}-${processes}.log`),
    // Members' pages rendered for every request, as before the member page cache: this measures
    // what more processes add to the work a page costs, not how fast a kept copy goes out.
    env: { WEB_CONCURRENCY: String(processes), PAGE_CACHE: 'anonymous' },
  })
  try {
    const cookies = voters.slice(0, SIGNED_IN).map((v) => v.cookie)
    await measureGet(origin, '/challenges', CONNECTIONS, 1, cookies)
    const signedIn = await measureGet(origin, '/challenges', CONNECTIONS, seconds, cookies)
    say(`${database} × ${processes}: signed-in /challenges ${Math.round(signedIn.reqPerSec)} req/s`)
    const { result: votes } = await measureVotes(origin, CONNECTIONS, seconds, voters, targets)
    say(`${database} × ${processes}: vote toggles ${Math.round(votes.reqPerSec)}/s`)
    return {
      database,
      processes,
      votes,
      signedIn,
      votesExact: await countsExact(url),
    }
  } finally {
    await stopChild(server, 15_000)
  }
}

export async function measureScaling(options: {
  seconds: number
  tmp: string
  say: (message: string) => void
  /** a SQLite database to move with db:copy into the cluster afterwards (the large town) */
  copyFrom?: string
}): Promise<{ rows: ScalingRow[]; copy?: CopyResult }> {
  const { seconds, tmp, say } = options
  const rows: ScalingRow[] = []
  let copy: CopyResult | undefined
  const sqliteUrl = `file:${path.join(tmp, 'scaling.sqlite')}`
  say('scaling: seeding the demo town into SQLite…')
  await seedDemo(sqliteUrl)
  for (const processes of [1, 2])
    rows.push(await measureOne('SQLite', sqliteUrl, processes, seconds, tmp, say))

  say('scaling: starting a PostgreSQL cluster and seeding the demo town…')
  const cluster = await startCluster({ durable: true })
  try {
    const admin = createDatabase(cluster.url)
    await sql`create database utmana_scaling`.execute(admin.db)
    await admin.close()
    const pgUrl = withDatabase(cluster.url, 'utmana_scaling')
    await seedDemo(pgUrl)
    for (const processes of [1, 2])
      rows.push(await measureOne('PostgreSQL', pgUrl, processes, seconds, tmp, say))
    if (options.copyFrom) {
      say(`scaling: db:copy of ${path.basename(options.copyFrom)} into PostgreSQL…`)
      copy = await copyToPostgres(options.copyFrom, cluster.url)
      say(`scaling: ${copy.summary}`)
    }
  } finally {
    cluster.stop()
  }
  return { rows, copy }
}

export function scalingMarkdown(rows: ScalingRow[], copy?: CopyResult): string {
  const header =
    '| database | processes | vote toggles/s | p99 ms | counts exact | signed-in /challenges req/s | p99 ms | errors |'
  const lines = rows.map((r) =>
    [
      r.database,
      r.processes,
      Math.round(r.votes.reqPerSec).toLocaleString('en'),
      r.votes.p99.toFixed(1),
      r.votesExact ? 'yes' : '**no**',
      Math.round(r.signedIn.reqPerSec).toLocaleString('en'),
      r.signedIn.p99.toFixed(1),
      r.votes.errors + r.signedIn.errors,
    ].join(' | '),
  )
  return [
    '## Past one process (issue 12): 1 and 2 app processes on each database',
    '',
    `Demo town on each database; the server started with \`WEB_CONCURRENCY\` = 1 or 2; ${CONNECTIONS} connections; vote toggles from ${VOTERS} users (bench/load.ts), signed-in board from ${SIGNED_IN} sessions (wrk). PostgreSQL 15 from Debian in a throwaway cluster on this machine, durable (fsync on), on the same 2 cores as the app and the client.`,
    '',
    header,
    `|${'---|'.repeat(8)}`,
    ...lines.map((l) => `| ${l} |`),
    '',
    ...(copy
      ? [
          `Moving the large town with \`npm run db:copy\` (${copy.source}) into an empty database of the same cluster: ${copy.ok ? '' : '**FAILED**: '}${copy.summary}`,
          '',
        ]
      : []),
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-scaling-'))
  const say = (m: string) => console.log(`[scaling] ${m}`)
  measureScaling({ seconds: process.argv.includes('--quick') ? 5 : 10, tmp, say })
    .then(({ rows, copy }) => {
      console.log(scalingMarkdown(rows, copy))
      fs.rmSync(tmp, { recursive: true, force: true })
      process.exit(0)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
