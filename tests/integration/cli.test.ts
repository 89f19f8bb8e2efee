import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '~/services/password.server'

const run = promisify(execFile)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-cli-'))
const dbFile = path.join(dir, 'cli.sqlite')
const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent' }
const tsx = path.resolve('node_modules/.bin/tsx')

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('operator commands', () => {
  it('db:migrate creates the schema and is idempotent', async () => {
    const first = await run(tsx, ['db/migrate.ts'], { env })
    expect(first.stdout).toContain('applied: 0001_foundation')
    const second = await run(tsx, ['db/migrate.ts'], { env })
    expect(second.stdout).toContain('already up to date')
  })

  it('db:seed --demo seeds the demo town once', async () => {
    const seeded = await run(tsx, ['db/seed.ts', '--demo'], { env })
    expect(seeded.stdout).toContain('Seeded the demo town')
    const again = await run(tsx, ['db/seed.ts', '--demo', '--if-empty'], { env })
    expect(again.stdout).toContain('skipped')
    await expect(run(tsx, ['db/seed.ts', '--demo'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('not empty'),
    })
  })

  it('user:create makes a moderator who can sign in, and refuses bad input', async () => {
    const created = await run(
      tsx,
      [
        'scripts/user-create.ts',
        '--email',
        'Ops@Example.se',
        '--password',
        'drift och underhåll',
        '--role',
        'moderator',
        '--name',
        'Ops',
      ],
      { env },
    )
    expect(created.stdout).toContain('Created moderator ops@example.se')
    const sqlite = new SQLite(dbFile, { readonly: true })
    const row = sqlite
      .prepare('select role, name, password_hash from users where email = ?')
      .get('ops@example.se') as { role: string; name: string; password_hash: string }
    sqlite.close()
    expect(row.role).toBe('moderator')
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(row.password_hash, 'drift och underhåll')).toBe(true)

    // Refused: a short password, an unknown role.
    for (const [password, role, error] of [
      ['short', 'admin', 'at least 8 characters'],
      ['long enough', 'king', 'Usage'],
    ] as const) {
      await expect(
        run(
          tsx,
          [
            'scripts/user-create.ts',
            '--email',
            'x@example.se',
            '--password',
            password,
            '--role',
            role,
          ],
          { env },
        ),
      ).rejects.toMatchObject({ stderr: expect.stringContaining(error) })
    }
  })

  it('db:backup writes a copy that passes integrity_check and holds the data', async () => {
    const target = path.join(dir, 'backups', 'copy.sqlite')
    const result = await run(tsx, ['db/backup.ts', target], { env })
    expect(result.stdout).toContain('integrity_check: ok')
    const copy = new SQLite(target, { readonly: true })
    expect((copy.prepare('select count(*) as n from users').get() as { n: number }).n).toBe(43)
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
    await expect(run(tsx, ['db/backup.ts', target], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('already exists'),
    })
  })
  it('db:backup on PostgreSQL points to pg_dump instead of failing obscurely', async () => {
    const target = path.join(dir, 'backups', 'pg.dump')
    await expect(
      run(tsx, ['db/backup.ts', target], {
        env: { ...env, DATABASE_URL: 'postgres://utmana@127.0.0.1:1/utmana' },
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') })
    expect(fs.existsSync(target)).toBe(false)
  })
})
