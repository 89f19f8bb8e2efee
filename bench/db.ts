import fs from 'node:fs'
import path from 'node:path'
import { createHash, randomBytes } from 'node:crypto'
import SQLite from 'better-sqlite3'
import { createCookie } from '@remix-run/node'
import { hashSessionId, SESSION_ABSOLUTE_MS } from '../app/models/session.server'
import { runCommand } from './procs'

const TSX = path.resolve('node_modules/.bin/tsx')

/** Seeds a fresh database file with the project's own seed script. */
export async function seedDatabase(file: string, args: string[], label: string, timeoutMs: number) {
  const started = Date.now()
  await runCommand(TSX, ['db/seed.ts', ...args], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, LOG_LEVEL: 'warn' },
    timeoutMs,
    label,
  })
  return (Date.now() - started) / 1000
}

/**
 * The large database, seeded once and kept in bench/tmp/ (gitignored) under a name that changes
 * with the scale and with every file under db/ (schema, migrations, seed): seeding 100,000
 * challenges takes about a minute, copying the file a second. Returns the cached file (never
 * written to by the benchmark: callers work on a copy) and the seconds seeding took (0 if reused).
 */
export async function cachedScaleDatabase(scale: number, fresh: boolean, timeoutMs: number) {
  const hash = createHash('sha256')
  hash.update(String(scale))
  const files = (fs.readdirSync('db', { recursive: true }) as string[])
    .filter((f) => /\.(ts|json|sql)$/.test(f))
    .sort()
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join('db', f)))
  const dir = path.resolve('bench/tmp')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `scale-${scale}-${hash.digest('hex').slice(0, 12)}.sqlite`)
  if (fs.existsSync(file) && !fresh) return { file, seedSeconds: 0, reused: true }
  // Older caches (other scales or db/ versions) would only fill the disk.
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`scale-${scale}-`)))
    fs.rmSync(path.join(dir, old), { force: true })
  const partial = `${file}.partial`
  const seedSeconds = await seedDatabase(
    partial,
    ['--scale', String(scale)],
    'scale seed',
    timeoutMs,
  )
  // One self-contained file (no -wal beside it), so a plain copy is a whole database.
  const db = new SQLite(partial)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  db.close()
  fs.renameSync(partial, file)
  return { file, seedSeconds, reused: false }
}

/** A working copy of a database file for one run (the run adds sessions and votes). */
export function copyDatabase(from: string, to: string) {
  fs.copyFileSync(from, to)
}

export interface Counts {
  challenges: number
  votes: number
  users: number
  comments: number
  solutions: number
  voteCountSum: number
}

export function counts(file: string): Counts {
  const db = new SQLite(file, { readonly: true })
  try {
    const one = (q: string) => Number((db.prepare(q).pluck().get() as number | null) ?? 0)
    return {
      challenges: one('select count(*) from challenges'),
      votes: one('select count(*) from challenge_votes'),
      users: one('select count(*) from users'),
      comments: one('select count(*) from comments'),
      solutions: one('select count(*) from solutions'),
      voteCountSum: one('select sum(vote_count) from challenges'),
    }
  } finally {
    db.close()
  }
}

/** A visible demo challenge with the most solutions and comments (the same id in both databases). */
export function richChallengeId(file: string): { id: number; title: string } {
  const db = new SQLite(file, { readonly: true })
  try {
    const row = db
      .prepare(
        `select c.id, c.title,
           (select count(*) from solutions s where s.challenge_id = c.id) as s,
           (select count(*) from comments m where m.challenge_id = c.id) as m
         from challenges c
         where c.hidden_at is null and c.id <= 1000
         order by (s > 0 and m > 0) desc, s + m desc, c.id
         limit 1`,
      )
      .get() as { id: number; title: string } | undefined
    if (!row) throw new Error(`no challenge found in ${file}`)
    return { id: row.id, title: row.title }
  } finally {
    db.close()
  }
}

export function challengeTitle(file: string, id: number): string | undefined {
  const db = new SQLite(file, { readonly: true })
  try {
    return (
      (db.prepare('select title from challenges where id = ?').pluck().get(id) as string) ??
      undefined
    )
  } finally {
    db.close()
  }
}

/** A word found in visible titles of the demo town, and in the generated ones too. */
export function searchWord(file: string): string {
  const candidates = [
    'parkering',
    'cykel',
    'buss',
    'trafik',
    'skolan',
    'belysning',
    'lekplats',
    'bibliotek',
    'trygghet',
  ]
  const db = new SQLite(file, { readonly: true })
  try {
    for (const word of candidates) {
      const n = db
        .prepare(`select count(*) from challenges where hidden_at is null and lower(title) like ?`)
        .pluck()
        .get(`%${word}%`) as number
      if (n > 0) return word
    }
    const title = db.prepare('select title from challenges limit 1').pluck().get() as string
    return title.split(/\s+/).find((w) => w.length >= 5) ?? title.split(/\s+/)[0]!
  } finally {
    db.close()
  }
}

function openWritable(file: string) {
  const db = new SQLite(file)
  db.pragma('busy_timeout = 10000')
  db.pragma('foreign_keys = ON')
  return db
}

/**
 * `n` members who can vote: the scale seed's bench members when there are enough, topped up
 * with new ones (same password hash as the first user, like the scale seed) otherwise.
 */
export function ensureVoters(file: string, n: number): number[] {
  const db = openWritable(file)
  try {
    const eligible = () =>
      db
        .prepare(
          `select id from users where role = 'member' and banned_until is null
             and email like 'bench-%' order by id limit ?`,
        )
        .pluck()
        .all(n) as number[]
    let ids = eligible()
    if (ids.length < n) {
      const hash = db.prepare('select password_hash from users order by id limit 1').pluck().get()
      const insert = db.prepare(
        `insert into users (email, name, password_hash, role, email_frequency)
         values (?, ?, ?, 'member', 'never')`,
      )
      const stamp = Date.now()
      db.transaction(() => {
        for (let i = ids.length; i < n; i++)
          insert.run(`bench-voter-${stamp}-${i}@example.se`, `Bänkröstare ${i + 1}`, hash)
      })()
      ids = eligible()
    }
    return ids
  } finally {
    db.close()
  }
}

/**
 * Signs `userIds` in without the login form (its per-IP limit would stop us): a session row as
 * app/models/session.server.ts writes it, and the cookie signed as app/services/session.server.ts
 * signs it (Remix createCookie with the server's SESSION_SECRET).
 */
export async function createSessions(file: string, userIds: number[], secret: string) {
  const cookie = createCookie('utmana_session', { secrets: [secret] })
  const db = openWritable(file)
  const now = new Date()
  const insert = db.prepare(
    `insert into sessions (id_hash, user_id, data, created_at, last_seen_at, expires_at)
     values (?, ?, ?, ?, ?, ?)`,
  )
  const cookies = new Map<number, string>()
  try {
    const rows: Array<[string, number]> = []
    for (const userId of userIds) {
      const id = randomBytes(32).toString('base64url')
      rows.push([id, userId])
    }
    db.transaction(() => {
      for (const [id, userId] of rows)
        insert.run(
          hashSessionId(id),
          userId,
          JSON.stringify({ userId }),
          now.toISOString(),
          now.toISOString(),
          new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
        )
    })()
    for (const [id, userId] of rows) {
      const header = await cookie.serialize(id)
      cookies.set(userId, header.split(';')[0]!)
    }
  } finally {
    db.close()
  }
  return cookies
}

export interface VoteTarget {
  id: number
  author: number
}

/** Up to `n` random challenges one may vote on (visible, open/in progress/solved). */
export function voteTargets(file: string, n: number): VoteTarget[] {
  const db = new SQLite(file, { readonly: true })
  try {
    return db
      .prepare(
        `select id, author_id as author from challenges
         where hidden_at is null and status in ('open', 'in_progress', 'solved')
         order by random() limit ?`,
      )
      .all(n) as VoteTarget[]
  } finally {
    db.close()
  }
}

export interface VoteState {
  /** "challenge:user" pairs that have a vote row */
  pairs: Set<string>
  /** challenge id → [vote_count, count(*)] */
  totals: Map<number, [number, number]>
}

export function voteState(file: string, challengeIds: number[], userIds: number[]): VoteState {
  const db = new SQLite(file, { readonly: true })
  try {
    const users = new Set(userIds)
    const pairs = new Set<string>()
    const rows = db
      .prepare(
        `select challenge_id as c, user_id as u from challenge_votes
         where challenge_id in (select value from json_each(?))`,
      )
      .all(JSON.stringify(challengeIds)) as Array<{ c: number; u: number }>
    for (const r of rows) if (users.has(r.u)) pairs.add(`${r.c}:${r.u}`)
    const totals = new Map<number, [number, number]>()
    const t = db
      .prepare(
        `select c.id, c.vote_count as vc,
           (select count(*) from challenge_votes v where v.challenge_id = c.id) as n
         from challenges c where c.id in (select value from json_each(?))`,
      )
      .all(JSON.stringify(challengeIds)) as Array<{ id: number; vc: number; n: number }>
    for (const r of t) totals.set(r.id, [r.vc, r.n])
    return { pairs, totals }
  } finally {
    db.close()
  }
}
