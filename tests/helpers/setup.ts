import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

// Every test file gets its own migrated SQLite file, so files can run in parallel.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-test-'))
process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = `file:${path.join(dir, 'test.sqlite')}`
process.env.SESSION_SECRET = 'test-secret-not-for-production-0123456789abcdef'
process.env.PUBLIC_URL = 'http://localhost:3000'
process.env.LOG_LEVEL ??= 'silent'
delete process.env.SMTP_URL

const { migrate, closeDatabase } = await import('~/db.server')
await migrate()

afterAll(async () => {
  await closeDatabase()
  fs.rmSync(dir, { recursive: true, force: true })
})

export const testDatabaseDir = dir
