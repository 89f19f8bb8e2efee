import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Migrator, sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, migrateToLatest } from '#db/connection'
import { sqliteMigrations as migrations } from '#db/migrations'
import { mondayOf } from '~/models/reports.server'
import { townDay } from '~/services/town-time'

// A database from before issue 5, brought up to date: what an existing site goes through.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-migrations-'))
const handle = createDatabase(`file:${path.join(dir, 'old.sqlite')}`)
afterAll(async () => {
  await handle.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('upgrading a site that ran before reports and privacy', () => {
  it('counts existing accounts as confirmed and fills the weekly activity from past votes', async () => {
    const { db } = handle
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    const before = await migrator.migrateTo('0003_moderation')
    expect(before.error).toBeUndefined()

    await sql`insert into users (email, name, password_hash, created_at, updated_at)
      values ('old@example.se', 'Gammal Användare', 'x', '2024-03-04T10:00:00.000Z', '2024-03-04T10:00:00.000Z')`.execute(
      db,
    )
    await sql`insert into categories (slug, name_sv, name_en, description_sv, description_en, position)
      values ('c', 'C', 'C', '', '', 1)`.execute(db)
    await sql`insert into areas (slug, name_sv, name_en, position) values ('a', 'A', 'A', 1)`.execute(
      db,
    )
    await sql`insert into challenges (title, description_md, description_html, summary, category_id, area_id,
        author_id, poster_kind, status, created_at, updated_at)
      values ('En gammal utmaning', 'x', 'x', 'x', 1, 1, 1, 'resident', 'open',
        '2024-03-06T09:00:00.000Z', '2024-03-06T09:00:00.000Z')`.execute(db)
    await sql`insert into challenge_votes (challenge_id, user_id, created_at)
      values (1, 1, '2024-03-17T23:30:00.000Z')`.execute(db)

    await migrateToLatest(db)

    const user = await db
      .selectFrom('users')
      .select(['email_verified_at', 'created_at'])
      .executeTakeFirstOrThrow()
    expect(user.email_verified_at).toBe(user.created_at)
    // Wednesday 6 March 2024, and Sunday 17 March 23:30 UTC, which is already Monday 18 March
    // 00:30 in the town: the weeks of Monday 4 and Monday 18 March.
    const weeks = await db
      .selectFrom('weekly_active_users')
      .select(['week', 'user_id'])
      .orderBy('week')
      .execute()
    expect(weeks).toEqual([
      { week: '2024-03-04', user_id: 1 },
      { week: '2024-03-18', user_id: 1 },
    ])
    // New activity is recorded by the triggers.
    await sql`insert into comments (challenge_id, author_id, body_md, body_html, created_at)
      values (1, 1, 'x', 'x', '2024-03-18T00:00:00.000Z')`.execute(db)
    expect(
      (await db.selectFrom('weekly_active_users').select('week').execute()).map((w) => w.week),
    ).toContain('2024-03-18')
  })

  it("files activity under the town's week, across summer time and the year's end", async () => {
    const { db } = handle
    const instants = [
      '2026-03-29T00:59:59.000Z', // 01:59 CET, Sunday: the week of 23 March
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-29T21:59:00.000Z', // Sunday 23:59 CEST
      '2026-03-29T22:00:00.000Z', // Monday 00:00 CEST: the next week
      '2026-10-25T00:59:00.000Z', // 02:59 CEST
      '2026-10-25T01:00:00.000Z', // 02:00 CET
      '2026-10-25T22:59:00.000Z', // Sunday 23:59 CET
      '2026-10-25T23:00:00.000Z', // Monday 00:00 CET
      '2026-12-31T23:30:00.000Z', // 1 January 2027, 00:30
      '2027-01-03T23:00:00.000Z', // Monday 4 January 00:00
      ...Array.from({ length: 40 }, (_, i) =>
        new Date(Date.UTC(2025, 0, 1) + i * 9.7e8).toISOString(),
      ),
    ]
    for (const [i, at] of instants.entries()) {
      const email = `week${i}@example.se`
      await sql`insert into users (email, name, password_hash, updated_at)
        values (${email}, 'Veckotest', 'x', ${at})`.execute(db)
      await sql`insert into comments (challenge_id, author_id, body_md, body_html, created_at)
        values (1, (select id from users where email = ${email}), 'x', 'x', ${at})`.execute(db)
      const row = await sql<{ week: string }>`select week from weekly_active_users
        where user_id = (select id from users where email = ${email})`.execute(db)
      // The expected week, from the platform's own time-zone data rather than the SQL rule.
      const expected = mondayOf(townDay(new Date(at)))
      expect(`${at} → ${row.rows[0]?.week}`).toBe(`${at} → ${expected}`)
    }
  })
})
