import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterAll, expect } from 'vitest'
import { createDatabase } from '#db/connection'
import { sqliteMigrations as migrations } from '#db/migrations'

/**
 * A site's database as it was at an older migration, in a temporary file removed after the test
 * file: `at(version)` migrates up to `version` and adds what every older site held, one user,
 * one category and one area (id 1 each), so a test writes only the rows its migration changes.
 */
export function oldDatabase(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `utmana-${name}-`))
  const handle = createDatabase(`file:${path.join(dir, 'old.sqlite')}`)
  afterAll(async () => {
    await handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const { db } = handle
  return {
    db,
    async at(version: string) {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
      expect((await migrator.migrateTo(version)).error).toBeUndefined()
      await sql`insert into users (email, name, password_hash, created_at, updated_at)
        values ('old@example.se', 'Gammal', 'x', '2024-03-04T10:00:00.000Z', '2024-03-04T10:00:00.000Z')`.execute(
        db,
      )
      await sql`insert into categories (slug, name_sv, name_en, description_sv, description_en, position)
        values ('c', 'C', 'C', '', '', 1)`.execute(db)
      await sql`insert into areas (slug, name_sv, name_en, position) values ('a', 'A', 'A', 1)`.execute(
        db,
      )
    },
  }
}
