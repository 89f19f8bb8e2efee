import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { collectPersonalData, EXPORT_COVERAGE } from '~/models/personal-data.server'
import { buildUserWithEverything, userReferences } from '../helpers/personal-world'
import { listColumns } from '../helpers/schema'

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
      const names = (await listColumns(ref.table)).map((c) => c.name)
      for (const column of entry.columns) {
        expect(names, `${entry.section}.${column} exists`).toContain(column)
      }
      const hasId = names.includes('id')
      const count = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(ref.table)}
        where ${sql.ref(ref.column)} = ${world.target.id}`.execute(db)
      const section = sections[entry.section]
      expect(Number(count.rows[0]!.n), `${ref.table}.${ref.column} has rows`).toBeGreaterThan(0)
      expect(section, entry.section).toHaveLength(Number(count.rows[0]!.n))
      const exportsId = (entry.columns as readonly string[]).includes('id')
      expect(exportsId || !hasId, `${entry.section} identifies its rows`).toBe(true)
      if (hasId) {
        const rows = await sql<{ id: number }>`
          select id from ${sql.table(ref.table)}
          where ${sql.ref(ref.column)} = ${world.target.id} order by id`.execute(db)
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

  it("holds no other person's user id and no staff-internal field", async () => {
    const world = await buildUserWithEverything()
    const now = new Date().toISOString()
    // Their flag resolved by a moderator, their appeal and dispute decided by one, their
    // solution accepted by someone else, their challenge routed with a contact person.
    await db
      .updateTable('flags')
      .set({ resolved_at: now, resolved_by: world.moderator.id, resolution: 'hidden' })
      .where('user_id', '=', world.target.id)
      .execute()
    for (const table of ['appeals', 'disputes'] as const) {
      await db
        .updateTable(table)
        .set({ status: 'rejected', decided_by: world.moderator.id, decided_at: now })
        .where('user_id', '=', world.target.id)
        .execute()
    }
    await db
      .updateTable('solutions')
      .set({ accepted_by: world.other.id, accepted_at: now })
      .where('id', '=', world.ownSolution)
      .execute()
    await db
      .updateTable('challenges')
      .set({ contact_user_id: world.moderator.id, priority: 'urgent' })
      .where('id', '=', world.ownChallenge)
      .execute()
    // As staff, they once banned the other person.
    await recordAudit(db, {
      actorId: world.target.id,
      action: 'user.ban',
      subjectType: 'user',
      subjectId: world.other.id,
      before: { bannedUntil: null, userId: world.other.id },
      after: { bannedUntil: now },
    })
    const causedByOther = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', world.target.id)
      .where('actor_id', '=', world.other.id)
      .execute()
    expect(causedByOther.length).toBeGreaterThan(0)

    const data = (await collectPersonalData(world.target.id))!
    const { profile: _profile, ...rest } = data
    // Any key that names a user column anywhere in the schema, plus the audit's own spellings.
    const userKeys = new Set([
      ...(await userReferences()).map((r) => r.column),
      'userId',
      'subject_id',
    ])
    const others = new Set([world.other.id, world.moderator.id])
    const found: string[] = []
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`))
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (userKeys.has(key) && typeof v === 'number' && others.has(v)) {
            // subject_id is a user id only where the subject is a user.
            const subject = (value as { subject_type?: string }).subject_type
            if (key !== 'subject_id' || subject === 'user') found.push(`${path}.${key}`)
          }
          walk(v, `${path}.${key}`)
        }
      }
    }
    walk(rest, 'export')
    expect(found).toEqual([])
    const keys = new Set<string>()
    for (const rows of Object.values(rest)) {
      if (Array.isArray(rows)) for (const row of rows) Object.keys(row).forEach((k) => keys.add(k))
    }
    for (const internal of [
      'resolved_by',
      'decided_by',
      'accepted_by',
      'actor_id',
      'contact_user_id',
      'priority',
      'version',
      'department_id',
      'hot',
    ]) {
      expect(keys, internal).not.toContain(internal)
    }

    // Their own words and the decisions addressed to them are there.
    expect(data.flags).toEqual([
      expect.objectContaining({ note: 'Ser ut som reklam.', resolution: 'hidden' }),
    ])
    expect(data.appeals[0]).toMatchObject({ body: 'Kommentaren var saklig.', status: 'rejected' })
    expect(data.disputes[0]).toMatchObject({ body: 'Det är inte löst.', status: 'rejected' })
    expect(data.notifications.length).toBeGreaterThan(0)
    expect(data.challenges[0]).toMatchObject({ id: world.ownChallenge, status: 'open' })
    const ban = data.auditLogAsActor.find((e) => e.action === 'user.ban')
    expect(ban).toMatchObject({ subject_type: 'user', subject_id: null })
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
