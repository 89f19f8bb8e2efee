import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { withDatabase } from '../../scripts/pg-cluster'

/** A database of the test file's own, copied from the migrated template; `drop` removes it. */
export async function createTestDatabase(adminUrl: string, template: string) {
  const name = `utmana_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client(adminUrl)
  await admin.connect()
  try {
    await admin.query(`create database ${name} template ${template}`)
  } finally {
    await admin.end()
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client(adminUrl)
      await client.connect()
      try {
        await client.query(`drop database if exists ${name} with (force)`)
      } finally {
        await client.end()
      }
    },
  }
}
