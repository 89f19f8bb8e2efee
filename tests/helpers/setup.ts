import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, inject } from 'vitest'

// Every test file gets its own migrated database, so files can run in parallel: a SQLite file,
// or under `npm run test:pg` a PostgreSQL database copied from the migrated template.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-test-'))
process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET = 'test-secret-not-for-production-0123456789abcdef'
process.env.PUBLIC_URL = 'http://localhost:3000'
process.env.LOG_LEVEL ??= 'silent'
delete process.env.SMTP_URL

export const onPostgres = process.env.UTMANA_TEST_DIALECT === 'postgres'
let dropDatabase = async () => {}
if (onPostgres) {
  const { createTestDatabase } = await import('./pg-database')
  const created = await createTestDatabase(inject('pgAdminUrl'), inject('pgTemplate'))
  process.env.DATABASE_URL = created.url
  dropDatabase = created.drop
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.sqlite')}`
}

const { migrate, closeDatabase } = await import('~/db.server')
await migrate()

afterAll(async () => {
  await closeDatabase()
  await dropDatabase()
  fs.rmSync(dir, { recursive: true, force: true })
})

export const testDatabaseDir = dir
