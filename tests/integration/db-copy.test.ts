import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { Migrator, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { smallPng } from '../helpers/photos'
import { createDatabase } from '#db/connection'
import { migrationsFor, sqliteMigrations } from '#db/migrations'
import { withDatabase } from '../../scripts/pg-cluster'
import { onPostgres } from '../helpers/setup'

const exec = promisify(execFile)
const tsx = path.resolve('node_modules/.bin/tsx')

/** Runs `db/copy.ts`; resolves to its exit code and output instead of throwing. */
async function copy(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(tsx, ['db/copy.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

// The copy needs a SQLite source and a PostgreSQL target at once: it runs under
// `npm run test:pg` only (the SQLite suite has no PostgreSQL server to copy into).
describe.skipIf(!onPostgres)('db:copy moves a SQLite site into PostgreSQL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-copy-'))
  const demo = path.join(dir, 'demo.sqlite')
  const databases: string[] = []
  let admin: pg.Client

  /** A database of its own on the test server, with no tables at all. */
  async function emptyDatabase() {
    const name = `copy_test_${randomBytes(5).toString('hex')}`
    await admin.query(`create database ${name}`)
    databases.push(name)
    return withDatabase(inject('pgAdminUrl'), name)
  }

  beforeAll(async () => {
    admin = new pg.Client(inject('pgAdminUrl'))
    await admin.connect()
    await exec(tsx, ['db/seed.ts', '--demo'], {
      env: { ...process.env, DATABASE_URL: `file:${demo}`, LOG_LEVEL: 'silent' },
    })
    // A merge into a newer challenge: a self-reference to a row copied after its own.
    const sqlite = new SQLite(demo)
    sqlite.exec(
      'update challenges set merged_into_id = (select max(id) from challenges) where id = 1',
    )
    // A photo: its variants are bytes (blob → bytea).
    const png = await smallPng(32, 24)
    const photo = sqlite
      .prepare(
        `insert into photos (key, user_id, challenge_id, alt_text, width, height)
         values ('copycopycopycopycopy22', 1, 2, 'Ett foto', 32, 24)`,
      )
      .run().lastInsertRowid
    sqlite
      .prepare(
        `insert into photo_variants (photo_id, size, format, width, height, byte_length, bytes)
         values (?, 'card', 'webp', 32, 24, ?, ?)`,
      )
      .run(photo, png.length, png)
    sqlite.close()
  }, 120_000)

  afterAll(async () => {
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`)
    await admin?.end()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  let target: string

  it('copies every table with identical rows, counts and counters', async () => {
    target = await emptyDatabase()
    const result = await copy('--from', `file:${demo}`, '--to', target)
    expect(result.stderr.trim()).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/challenges rows +120 +120\n/)
    expect(result.stdout).toMatch(/challenges\.vote_count \(sum\) +(\d+) +\1\n/)
    expect(result.stdout).toMatch(/checks match\.$/m)
    expect(result.stdout).toMatch(/ \d+ indexes and foreign keys rebuilt/)

    // The app reads the same JavaScript values from both (ISO dates, 0/1, numbers), so every
    // row must come back identical, column by column.
    const source = createDatabase(`file:${demo}`)
    const copied = createDatabase(target, { poolSize: 1 })
    try {
      const tables = (
        await sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite%' and name not like 'kysely%' and name not like 'challenges_fts%'
          order by name`.execute(source.db)
      ).rows.map((r) => r.name)
      expect(tables.length).toBeGreaterThan(30)
      for (const table of tables) {
        const read = async (db: typeof source.db) =>
          (await sql.raw<Record<string, unknown>>(`select * from ${table}`).execute(db)).rows
            .map((row) => JSON.stringify(row))
            .sort()
        const rows = await read(source.db)
        expect({ table, rows: await read(copied.db) }).toEqual({ table, rows })
      }
      const fts = async (query: string, db: typeof source.db) =>
        (await sql.raw<Record<string, unknown>>(query).execute(db)).rows
      expect(
        await fts('select challenge_id, title, body from challenges_fts order by 1', copied.db),
      ).toEqual(
        await fts(
          'select rowid as challenge_id, title, body from challenges_fts order by 1',
          source.db,
        ),
      )
      const merged = await copied.db
        .selectFrom('challenges')
        .select('merged_into_id')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow()
      expect(merged.merged_into_id).toBe(120)
    } finally {
      await source.close()
      await copied.close()
    }
  }, 120_000)

  it('leaves the same indexes, constraints and triggers as a freshly migrated database', async () => {
    // Indexes and foreign keys are dropped for the load and built again.
    const schema = async (url: string) => {
      const client = new pg.Client(url)
      await client.connect()
      try {
        const parts = []
        for (const query of [
          `select indexname, indexdef from pg_indexes where schemaname = current_schema()`,
          `select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def
           from pg_constraint where connamespace = current_schema()::regnamespace`,
          `select tgname, tgenabled from pg_trigger where not tgisinternal`,
        ])
          parts.push((await client.query(query)).rows.map((r) => JSON.stringify(r)).sort())
        return parts
      } finally {
        await client.end()
      }
    }
    const fresh = await schema(process.env.DATABASE_URL!)
    expect(fresh[0]!.length).toBeGreaterThan(50)
    expect(await schema(target)).toEqual(fresh)
  })

  it('fills the search index: a word from a demo challenge finds it on PostgreSQL', async () => {
    const client = new pg.Client(target)
    await client.connect()
    try {
      const { rows } = await client.query<{ id: number; title: string }>(
        `select id, title from challenges where title ~ '\\w{7,}' order by id limit 1`,
      )
      const { id, title } = rows[0]!
      const word = /\p{L}{7,}/u.exec(title)![0]
      const hits = await client.query<{ challenge_id: number }>(
        `select challenge_id from challenges_fts where document @@ plainto_tsquery('utmana_sv', $1)`,
        [word],
      )
      expect(hits.rows.map((r) => r.challenge_id)).toContain(id)
    } finally {
      await client.end()
    }
  })

  it('moves every sequence past the copied ids', async () => {
    const handle = createDatabase(target, { poolSize: 1 })
    try {
      const area = await handle.db
        .insertInto('areas')
        .values({
          slug: 'ny-stadsdel',
          name_sv: 'Ny stadsdel',
          name_en: 'New district',
          position: 99,
          archived_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const log = await handle.db
        .insertInto('audit_log')
        .values({
          actor_id: null,
          action: 'test.copy',
          subject_type: 'area',
          subject_id: area.id,
          before: null,
          after: null,
          reason: null,
          ip: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const sqlite = new SQLite(demo, { readonly: true })
      const highest = (table: string) =>
        (sqlite.prepare(`select max(id) as id from ${table}`).get() as { id: number }).id
      expect(area.id).toBe(highest('areas') + 1)
      expect(log.id).toBe(highest('audit_log') + 1)
      sqlite.close()
    } finally {
      await handle.close()
    }
  })

  it('refuses a target that already has rows, with one line and exit 1', async () => {
    const result = await copy('--from', `file:${demo}`, '--to', target)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^The target database is not empty \(rows in .*areas/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('refuses a source that is not migrated to the latest migration', async () => {
    const old = path.join(dir, 'old.sqlite')
    const handle = createDatabase(`file:${old}`)
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => sqliteMigrations },
    })
    expect((await migrator.migrateTo('0010_moderation_followthrough')).error).toBeUndefined()
    await handle.close()
    const result = await copy('--from', `file:${old}`, '--to', await emptyDatabase())
    expect(result.code).toBe(1)
    const latest = Object.keys(migrationsFor('sqlite')).at(-1)!
    expect(result.stderr.trim()).toContain(
      `The source is not migrated to the latest migration (0010_moderation_followthrough; latest is ${latest})`,
    )
  })

  it('refuses a target that is not PostgreSQL and a source that is not SQLite', async () => {
    const notPostgres = await copy('--from', `file:${demo}`, '--to', `file:${dir}/other.sqlite`)
    expect(notPostgres.code).toBe(1)
    expect(notPostgres.stderr).toContain('--to must be a postgres:// URL')
    const notSqlite = await copy('--from', target, '--to', target)
    expect(notSqlite.code).toBe(1)
    expect(notSqlite.stderr).toContain('The source must be a SQLite file: URL')
  })

  it('commits nothing when a value fails half-way, and can be run again', async () => {
    const broken = path.join(dir, 'broken.sqlite')
    fs.copyFileSync(demo, broken)
    const sqlite = new SQLite(broken)
    sqlite.exec(`update comments set created_at = 'yesterday-ish' where id = 5`)
    sqlite.close()
    const url = await emptyDatabase()
    const result = await copy('--from', `file:${broken}`, '--to', url)
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toMatch(/^Copying comments failed: .*yesterday-ish/)

    const client = new pg.Client(url)
    await client.connect()
    try {
      const counts = await client.query<{ users: number; triggers: number }>(
        `select (select count(*) from users)::int as users,
           (select count(*) from pg_trigger where not tgisinternal and tgenabled = 'D')::int
             as triggers`,
      )
      expect(counts.rows[0]).toEqual({ users: 0, triggers: 0 })
    } finally {
      await client.end()
    }
    // A reference SQLite let through (foreign keys off) fails when the key is added back.
    const dangling = path.join(dir, 'dangling.sqlite')
    fs.copyFileSync(demo, dangling)
    const loose = new SQLite(dangling)
    loose.pragma('foreign_keys = OFF')
    loose.exec('update comments set challenge_id = 999999 where id = 6')
    loose.close()
    const refused = await copy('--from', `file:${dangling}`, '--to', url)
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim()).toMatch(
      /^The copied rows break alter table comments add constraint comments_challenge_id_fkey .*violates foreign key constraint/,
    )

    // The target stayed empty and migrated: the fixed source copies into it.
    const again = await copy('--from', `file:${demo}`, '--to', url)
    expect(again.code).toBe(0)
  }, 120_000)
})
