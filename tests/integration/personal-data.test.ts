import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { collectPersonalData, EXPORT_COVERAGE } from '~/models/personal-data.server'
import { buildUserWithEverything, userReferences } from '../helpers/personal-world'

describe('the personal data export', () => {
  it('holds every row that refers to the user, from every user column in the schema', async () => {
    const world = await buildUserWithEverything()
    await buildUserWithEverything() // someone else's rows must not leak in
    const data = (await collectPersonalData(world.target.id))!
    const sections = data as unknown as Record<string, Array<Record<string, unknown>>>

    const refs = await userReferences()
    // A table or column added later that refers to users fails here until it is exported.
    const uncovered = refs.filter(
      (ref) => !EXPORT_COVERAGE.some((c) => c.table === ref.table && c.column === ref.column),
    )
    expect(uncovered).toEqual([])

    for (const ref of refs) {
      const entry = EXPORT_COVERAGE.find((c) => c.table === ref.table && c.column === ref.column)!
      const columns = await sql<{
        name: string
      }>`select name from pragma_table_info(${ref.table})`.execute(db)
      const hasId = columns.rows.some((c) => c.name === 'id')
      const rows = await sql<{ id: number }>`
        select ${sql.raw(hasId ? 'id' : 'rowid as id')} from ${sql.table(ref.table)}
        where ${sql.ref(ref.column)} = ${world.target.id} order by rowid`.execute(db)
      const section = sections[entry.section]
      expect(rows.rows.length, `${ref.table}.${ref.column} has rows`).toBeGreaterThan(0)
      expect(section, entry.section).toHaveLength(rows.rows.length)
      const exportsId = entry.columns === '*' || (entry.columns as readonly string[]).includes('id')
      expect(exportsId || !hasId, `${entry.section} identifies its rows`).toBe(true)
      if (hasId) {
        expect(
          section!.map((r) => r.id),
          entry.section,
        ).toEqual(rows.rows.map((r) => r.id))
      }
    }

    // Rows found by address or by subject, not by a foreign key.
    expect(data.mail).toHaveLength(1)
    expect(data.mail[0]).toMatchObject({ template: 'welcome', subject: 'Välkommen till Utmana' })
    expect(data.mail[0]).not.toHaveProperty('text_body')
    expect(data.auditLogAboutMe.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.password_change', 'user.ban']),
    )
    expect(data.profile).toMatchObject({ id: world.target.id, email: world.target.email })
    expect(data.challenges.map((c) => c.title)).toEqual([expect.stringContaining('Egen utmaning')])
  })

  it('never contains a secret: password hash, session ids, token hashes', async () => {
    const world = await buildUserWithEverything()
    const text = JSON.stringify(await collectPersonalData(world.target.id))
    const user = await db
      .selectFrom('users')
      .select(['password_hash', 'unsubscribe_token'])
      .where('id', '=', world.target.id)
      .executeTakeFirstOrThrow()
    expect(text).not.toContain(user.password_hash)
    expect(text).not.toContain('password_hash')
    expect(text).toContain('argon2id hash')
    const secrets = [
      ...(await db
        .selectFrom('sessions')
        .select('id_hash as s')
        .where('user_id', '=', world.target.id)
        .execute()),
      ...(await db
        .selectFrom('password_reset_tokens')
        .select('token_hash as s')
        .where('user_id', '=', world.target.id)
        .execute()),
      ...(await db
        .selectFrom('email_confirmation_tokens')
        .select('token_hash as s')
        .where('user_id', '=', world.target.id)
        .execute()),
    ]
    expect(secrets.length).toBe(4)
    for (const { s } of secrets) expect(text).not.toContain(s)
  })

  it('is null for an unknown user', async () => {
    expect(await collectPersonalData(987654)).toBeNull()
  })
})
