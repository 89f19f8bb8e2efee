import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { searchKey } from '#db/search-key'
import { db } from '~/db.server'
import { deleteAccount } from '~/models/account-deletion.server'
import { recordAudit } from '~/models/audit.server'
import { insertMembership } from '~/models/organisation.server'
import { listOutbox, purgeOldMail } from '~/models/outbox.server'
import { challengeIdsMatching, matchAll } from '~/models/search.server'
import { queueMail } from '~/services/mail.server'
import { consume } from '~/services/rate-limit.server'
import { createOrganisation, createUser } from '../factories'
import {
  buildUserWithEverything,
  counterMismatches,
  userReferences,
} from '../helpers/personal-world'
import { listColumns, listTables } from '../helpers/schema'

type World = Awaited<ReturnType<typeof buildUserWithEverything>>

/**
 * Scans every table in the database (so a table added later is scanned too): no user column
 * may still point at the person, and no text column may still hold their e-mail or name.
 */
async function leftovers(person: World['target']): Promise<string[]> {
  const found: string[] = []
  for (const ref of await userReferences()) {
    const rows = await sql<{ n: number }>`
      select count(*) as n from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${person.id}`.execute(
      db,
    )
    if (Number(rows.rows[0]!.n)) found.push(`${ref.table}.${ref.column} = ${person.id}`)
  }
  const tables = await listTables()
  expect(tables).toContain('rate_limits')
  for (const table of tables) {
    for (const column of await listColumns(table)) {
      if (column.kind !== 'text') continue
      const rows = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(table)}
        where lower(${sql.ref(column.name)}) like ${`%${person.email.toLowerCase()}%`}
          or ${sql.ref(column.name)} like ${`%${person.name}%`}`.execute(db)
      if (Number(rows.rows[0]!.n)) found.push(`${table}.${column.name} holds the e-mail or name`)
    }
  }
  return found
}

const DAY = 24 * 60 * 60 * 1000

async function audit(entry: Parameters<typeof recordAudit>[1]): Promise<number> {
  await recordAudit(db, entry)
  const row = await db
    .selectFrom('audit_log')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}

async function auditRows(ids: number[]) {
  return db.selectFrom('audit_log').selectAll().where('id', 'in', ids).orderBy('id').execute()
}

/** Rows of this world's challenges left without a user after the deletion: the target's. */
async function ownWords(world: World) {
  const challenges = [world.ownChallenge, world.otherChallenge]
  return {
    flags: await db
      .selectFrom('flags')
      .select(['user_id', 'note', 'reason'])
      .where('user_id', 'is', null)
      .where('challenge_id', 'in', challenges)
      .execute(),
    appeals: await db
      .selectFrom('appeals')
      .select(['user_id', 'body'])
      .where('user_id', 'is', null)
      .where('challenge_id', 'in', challenges)
      .execute(),
    disputes: await db
      .selectFrom('disputes')
      .select(['user_id', 'body'])
      .where('user_id', 'is', null)
      .where('challenge_id', 'in', challenges)
      .execute(),
  }
}

async function exists(table: 'challenges' | 'solutions' | 'comments' | 'pledges', id: number) {
  return Boolean(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())
}

/** The challenges the search index finds the word in (through the app's own search). */
async function indexedIds(word: string): Promise<number[]> {
  const rows = await db
    .selectFrom('challenges')
    .select('id')
    .where('id', 'in', challengeIdsMatching(matchAll(word)!))
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

describe('deleting an account', () => {
  it('the test world really refers to the person from every user column, with exact counts', async () => {
    const world = await buildUserWithEverything()
    // Guards the checks below: a table the world leaves empty would pass them trivially.
    const missing: string[] = []
    for (const ref of await userReferences()) {
      const row = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${world.target.id}`.execute(
        db,
      )
      if (!Number(row.rows[0]!.n)) missing.push(`${ref.table}.${ref.column}`)
    }
    expect(missing).toEqual([])
    expect(await leftovers(world.target)).not.toEqual([])
    expect(await counterMismatches()).toEqual([])
  })

  it("'keep' erases the person everywhere, keeps their posts as former member, fixes the counts", async () => {
    const world = await buildUserWithEverything()
    const before = await db
      .selectFrom('challenges')
      .select(['vote_count', 'follower_count', 'comment_count', 'pledge_count', 'solution_count'])
      .where('id', '=', world.otherChallenge)
      .executeTakeFirstOrThrow()
    const otherSolutionBefore = await db
      .selectFrom('solutions')
      .select('vote_count')
      .where('id', '=', world.otherSolution)
      .executeTakeFirstOrThrow()

    const counts = await deleteAccount(world.target.id, { contributions: 'keep' })
    expect(counts).toMatchObject({
      challengeVotes: 1,
      solutionVotes: 1,
      follows: 2, // the challenge they follow and their own (authors follow what they post)
      challenges: 0,
      solutions: 0,
      comments: 0,
      sessions: 2,
      mails: 1,
    })

    expect(await leftovers(world.target)).toEqual([])
    expect(await counterMismatches()).toEqual([])

    const after = await db
      .selectFrom('challenges')
      .select(['vote_count', 'follower_count', 'comment_count', 'pledge_count', 'solution_count'])
      .where('id', '=', world.otherChallenge)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({
      ...before,
      vote_count: before.vote_count - 1,
      follower_count: before.follower_count - 1,
    })
    const otherSolutionAfter = await db
      .selectFrom('solutions')
      .select('vote_count')
      .where('id', '=', world.otherSolution)
      .executeTakeFirstOrThrow()
    expect(otherSolutionAfter.vote_count).toBe(otherSolutionBefore.vote_count - 1)

    // Their posts stay, without an author.
    for (const [table, id] of [
      ['challenges', world.ownChallenge],
      ['solutions', world.ownSolution],
      ['comments', world.commentWithReply],
      ['comments', world.commentAlone],
      ['comments', world.replyByTarget],
    ] as const) {
      const row = await db
        .selectFrom(table)
        .select('author_id')
        .where('id', '=', id)
        .executeTakeFirst()
      expect(row, `${table} ${id}`).toEqual({ author_id: null })
    }
    const kept = await db
      .selectFrom('pledges')
      .select(['user_id', 'plan'])
      .where('id', '=', world.pledgeId)
      .executeTakeFirst()
    expect(kept).toEqual({ user_id: null, plan: 'Jag tar med en skottkärra.' })
    expect(await indexedIds(world.searchWord)).toEqual([world.otherChallenge])

    // The moderator's entry about them stays, without their name and address.
    const ban = await db
      .selectFrom('audit_log')
      .select(['before', 'after', 'ip'])
      .where('action', '=', 'user.ban')
      .where('subject_id', '=', world.target.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(ban.before!)).toEqual({ role: 'member' })
    const own = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'ip'])
      .where('action', '=', 'user.password_change')
      .where('subject_id', '=', world.target.id)
      .executeTakeFirstOrThrow()
    expect(own).toEqual({ actor_id: null, ip: null })
    const deleted = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'after'])
      .where('action', '=', 'user.account_deleted')
      .where('subject_id', '=', world.target.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(deleted.after!)).toEqual({ contributions: 'keep', by: 'self' })

    // Other people's things are untouched.
    expect(await exists('solutions', world.othersSolutionUnderOwn)).toBe(true)
    expect(await exists('comments', world.othersCommentUnderOwn)).toBe(true)
    expect(await exists('comments', world.replyByOther)).toBe(true)
    expect(
      await db.selectFrom('users').select('id').where('id', '=', world.other.id).executeTakeFirst(),
    ).toBeTruthy()
  })

  it("'remove' deletes their posts too, leaves a placeholder where others replied, fixes the counts and the index", async () => {
    const world = await buildUserWithEverything()
    expect(await indexedIds(world.searchWord)).toEqual([world.otherChallenge])

    const counts = await deleteAccount(world.target.id, { contributions: 'remove' })
    expect(counts).toMatchObject({
      challenges: 1,
      solutions: 1,
      pledges: 1,
      comments: 2,
      commentsBlanked: 1,
    })

    expect(await leftovers(world.target)).toEqual([])
    expect(await counterMismatches()).toEqual([])

    // Gone: their challenge (with what others wrote under it), solution, pledge, comments.
    expect(await exists('challenges', world.ownChallenge)).toBe(false)
    expect(await exists('solutions', world.othersSolutionUnderOwn)).toBe(false)
    expect(await exists('comments', world.othersCommentUnderOwn)).toBe(false)
    expect(await exists('solutions', world.ownSolution)).toBe(false)
    expect(await exists('pledges', world.pledgeId)).toBe(false)
    expect(await exists('comments', world.commentAlone)).toBe(false)
    expect(await exists('comments', world.replyByTarget)).toBe(false)
    expect(
      await db
        .selectFrom('pledge_updates')
        .select('id')
        .where('pledge_id', '=', world.pledgeId)
        .execute(),
    ).toEqual([])

    // The comment someone answered is the "comment removed" placeholder; the answer stays.
    const placeholder = await db
      .selectFrom('comments')
      .select(['author_id', 'body_md', 'body_html', 'deleted_at'])
      .where('id', '=', world.commentWithReply)
      .executeTakeFirstOrThrow()
    expect(placeholder).toMatchObject({ author_id: null, body_md: '', body_html: '' })
    expect(placeholder.deleted_at).not.toBeNull()
    expect(await exists('comments', world.replyByOther)).toBe(true)
    expect(await exists('comments', world.othersComment)).toBe(true)

    // Search no longer finds the removed solution's words nor the removed challenge.
    expect(await indexedIds(world.searchWord)).toEqual([])
    const fts = await sql<{ n: number }>`
      select count(*) as n from challenges_fts where ${searchKey(db)} = ${world.ownChallenge}`.execute(
      db,
    )
    expect(Number(fts.rows[0]!.n)).toBe(0)

    // Others' challenge: their vote, follow, pledge, solution and comments no longer count.
    const other = await db
      .selectFrom('challenges')
      .select(['vote_count', 'pledge_count', 'solution_count'])
      .where('id', '=', world.otherChallenge)
      .executeTakeFirstOrThrow()
    expect(other).toEqual({ vote_count: 0, pledge_count: 0, solution_count: 1 })
    const deleted = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'user.account_deleted')
      .where('subject_id', '=', world.target.id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(deleted.after!)).toEqual({ contributions: 'remove', by: 'self' })
  })

  it("'remove' deletes their flags, appeals and disputes; 'keep' keeps them, flags without the note", async () => {
    const kept = await buildUserWithEverything()
    await deleteAccount(kept.target.id, { contributions: 'keep' })
    expect(await ownWords(kept)).toEqual({
      flags: [{ user_id: null, note: null, reason: 'spam' }],
      appeals: [{ user_id: null, body: 'Kommentaren var saklig.' }],
      disputes: [{ user_id: null, body: 'Det är inte löst.' }],
    })

    const removed = await buildUserWithEverything()
    // A post hidden automatically by flags, one of them theirs and still open.
    await db
      .updateTable('comments')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'auto_flags' })
      .where('id', '=', removed.othersComment)
      .execute()
    await db
      .insertInto('flags')
      .values({
        subject_type: 'comment',
        subject_id: removed.othersComment,
        challenge_id: removed.otherChallenge,
        user_id: removed.target.id,
        reason: 'other',
        note: 'Stötande mot mig personligen.',
        resolved_at: null,
        resolved_by: null,
        resolution: null,
      })
      .execute()
    const counts = await deleteAccount(removed.target.id, { contributions: 'remove' })
    expect(counts).toMatchObject({ flags: 1, appeals: 1, disputes: 1 })
    // Only the flag that keeps the hidden post in the moderators' queue stays, anonymous.
    expect(await ownWords(removed)).toEqual({
      flags: [{ user_id: null, note: null, reason: 'other' }],
      appeals: [],
      disputes: [],
    })
    // Others' flags, appeals and disputes stay (without the person as decider).
    expect(
      await db.selectFrom('flags').select('note').where('user_id', '=', removed.other.id).execute(),
    ).toEqual([{ note: null }])
    expect(
      await db
        .selectFrom('appeals')
        .select(['body', 'decided_by'])
        .where('user_id', '=', removed.other.id)
        .execute(),
    ).toEqual([{ body: 'Den andras överklagande.', decided_by: null }])
    expect(
      await db
        .selectFrom('disputes')
        .select(['body', 'decided_by'])
        .where('user_id', '=', removed.other.id)
        .execute(),
    ).toEqual([]) // it was about their challenge, which 'remove' deleted
  })

  it('touches only audit entries about or by the person, and there only their name and address', async () => {
    for (const name of ['member', '%', 'open']) {
      const n = `${Date.now().toString(36)}${name.length}${Math.random().toString(36).slice(2, 6)}`
      // "_" matches any one character in LIKE: the look-alike address must survive.
      const target = await createUser({ name, email: `m_${n}@example.se` })
      const lookalike = await createUser({ name: 'open', email: `mx${n}@example.se` })
      const namesake = await createUser({ name: 'member' })
      const admin = await createUser({ role: 'admin', name: 'Ada Admin' })
      const org = { name: `Föreningen member ${n}`, id: 0 }
      org.id = (await createOrganisation({ name: org.name })).id
      const theirOrg = { name: `Egna föreningen ${n}`, id: 0 }
      theirOrg.id = (await createOrganisation({ name: theirOrg.name })).id

      const unrelated = [
        await audit({
          actorId: admin.id,
          action: 'admin.user.role',
          subjectType: 'user',
          subjectId: namesake.id,
          before: { role: 'member', name: 'member', email: namesake.email },
          after: { role: 'moderator', status: 'open' },
          reason: '100% member, open_ended',
        }),
        await audit({
          actorId: lookalike.id,
          action: 'organisation.create',
          subjectType: 'organisation',
          subjectId: org.id,
          after: { name: org.name, kind: 'association', slug: 'member' },
          ip: '192.0.2.9',
        }),
        await audit({
          actorId: null,
          action: 'organisation.update',
          subjectType: 'organisation',
          subjectId: org.id,
          before: { name: name },
          after: { name: `${name} %_` },
        }),
      ]
      const about = await audit({
        actorId: admin.id,
        action: 'user.ban',
        subjectType: 'user',
        subjectId: target.id,
        before: { name, email: target.email, role: 'member' },
        after: { role: 'member', note: `Skrev från ${target.email}` },
      })
      const by = await audit({
        actorId: target.id,
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: theirOrg.id,
        after: { name: theirOrg.name, kind: 'association', visibility: 'open', role: 'member' },
        ip: '192.0.2.10',
      })
      await consume('loginAccount', lookalike.email)
      await consume('loginAccount', target.email)
      const snapshot = await auditRows(unrelated)

      await deleteAccount(target.id, { contributions: 'keep' })

      expect(await auditRows(unrelated), name).toEqual(snapshot)
      const [aboutRow] = await auditRows([about])
      expect(JSON.parse(aboutRow!.before!), name).toEqual({ role: 'member' })
      expect(JSON.parse(aboutRow!.after!), name).toEqual({ role: 'member', note: null })
      const [byRow] = await auditRows([by])
      // The organisation's name is not theirs, and a value equal to their name is not theirs.
      expect(JSON.parse(byRow!.after!), name).toEqual({
        name: theirOrg.name,
        kind: 'association',
        visibility: 'open',
        role: 'member',
      })
      expect(byRow, name).toMatchObject({ actor_id: null, ip: null })
      const keys = await sql<{ key: string }>`select key from rate_limits`.execute(db)
      expect(keys.rows.map((r) => r.key)).toContain(`loginAccount:${lookalike.email}`)
      expect(keys.rows.map((r) => r.key)).not.toContain(`loginAccount:${target.email}`)
    }
  })

  it('deletes queued mail to others that names the person, and no other mail', async () => {
    const n = Date.now().toString(36)
    const owner = await createUser()
    const target = await createUser({ name: `Anna Andersson ${n}` })
    const short = await createUser({ name: 'Al' })
    const url = 'http://localhost:3000/organisations/x'
    // The last joiner's name starts with the target's: their request must stay.
    for (const joiner of [`Anna Andersson ${n}`, 'Al', `Anna Andersson ${n}sson`]) {
      await queueMail(
        db,
        owner.email,
        { name: 'joinRequest', values: { name: joiner, organisation: 'Föreningen Al', url } },
        'sv',
      )
    }
    // A challenge's title is public content: mail quoting it stays.
    await queueMail(
      db,
      owner.email,
      {
        name: 'postHidden',
        values: { name: 'Ägaren', title: `Anna Andersson ${n} och parken`, reason: 'spam', url },
      },
      'sv',
    )
    const subjects = async () => (await listOutbox({ to: owner.email })).map((m) => m.subject)
    expect(await subjects()).toHaveLength(4)

    const counts = await deleteAccount(target.id, { contributions: 'keep' })
    expect(counts?.mails).toBe(1)
    expect(await subjects()).toEqual([
      'Ditt inlägg har dolts',
      `Anna Andersson ${n}sson vill gå med i Föreningen Al`,
      'Al vill gå med i Föreningen Al',
    ])
    // A short name matches only a subject that starts with it: "Föreningen Al" is not touched.
    await deleteAccount(short.id, { contributions: 'keep' })
    expect(await subjects()).toEqual([
      'Ditt inlägg har dolts',
      `Anna Andersson ${n}sson vill gå med i Föreningen Al`,
    ])
  })

  it('hands an organisation to its longest-standing member when its only owner leaves', async () => {
    const owner = await createUser()
    const first = await createUser()
    const later = await createUser()
    const org = await createOrganisation({ ownerId: owner.id })
    for (const member of [first, later]) {
      await insertMembership(db, {
        organisationId: org.id,
        userId: member.id,
        role: 'member',
        status: 'active',
      })
    }
    await deleteAccount(owner.id, { contributions: 'keep' })
    const roles = await db
      .selectFrom('memberships')
      .select(['user_id', 'role'])
      .where('organisation_id', '=', org.id)
      .orderBy('user_id')
      .execute()
    expect(roles).toEqual([
      { user_id: first.id, role: 'owner' },
      { user_id: later.id, role: 'member' },
    ])
  })

  it('an unknown user is a no-op', async () => {
    expect(await deleteAccount(987654, { contributions: 'keep' })).toBeNull()
  })
})

/** Photos (each with one stored image) on the world's posts, and a draft with a GPS place. */
async function photographedWorld() {
  const world = await buildUserWithEverything()
  const update = await db
    .selectFrom('pledge_updates')
    .select('id')
    .where('pledge_id', '=', world.pledgeId)
    .executeTakeFirstOrThrow()
  const n = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  const targets = {
    ownChallenge: { user_id: world.target.id, challenge_id: world.ownChallenge },
    ownSolution: { user_id: world.target.id, solution_id: world.ownSolution },
    ownUpdate: { user_id: world.target.id, pledge_update_id: update.id },
    draft: { user_id: world.target.id, gps_lat: 59.3293, gps_lng: 18.0686 },
    othersUnderOwn: { user_id: world.other.id, solution_id: world.othersSolutionUnderOwn },
    othersChallenge: { user_id: world.other.id, challenge_id: world.otherChallenge },
  }
  const ids: Record<string, number> = {}
  for (const [i, [name, target]] of Object.entries(targets).entries()) {
    const { id } = await db
      .insertInto('photos')
      .values({
        key: `${n}-${i}`,
        alt_text: 'Ett foto',
        width: 800,
        height: 600,
        ...(name === 'draft' ? {} : { attached_at: new Date().toISOString() }),
        ...target,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('photo_variants')
      .values({
        photo_id: id,
        size: 'card',
        format: 'jpeg',
        width: 480,
        height: 360,
        byte_length: 3,
        bytes: Buffer.from([1, 2, 3]),
      })
      .execute()
    ids[name] = id
  }
  return { world, photos: ids as Record<keyof typeof targets, number> }
}

async function photoRows(ids: number[]) {
  const photos = await db
    .selectFrom('photos')
    .select(['id', 'user_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute()
  const images = await db
    .selectFrom('photo_variants')
    .select('photo_id')
    .where('photo_id', 'in', ids)
    .execute()
  return { photos, images: images.map((i) => i.photo_id).sort((a, b) => a - b) }
}

describe('photos when an account is deleted', () => {
  it("'keep' keeps the photos on the posts without an uploader; the draft (and its place) goes", async () => {
    const { world, photos } = await photographedWorld()
    const counts = await deleteAccount(world.target.id, { contributions: 'keep' })
    // This draft and the world's own.
    expect(counts).toMatchObject({ photoDrafts: 2 })
    const kept = [
      photos.ownChallenge,
      photos.ownSolution,
      photos.ownUpdate,
      photos.othersUnderOwn,
      photos.othersChallenge,
    ]
    const after = await photoRows(Object.values(photos))
    expect(after.photos).toEqual([
      { id: photos.ownChallenge, user_id: null },
      { id: photos.ownSolution, user_id: null },
      { id: photos.ownUpdate, user_id: null },
      { id: photos.othersUnderOwn, user_id: world.other.id },
      { id: photos.othersChallenge, user_id: world.other.id },
    ])
    expect(after.images).toEqual(kept)
    expect(await leftovers(world.target)).toEqual([])
  })

  it("'remove' deletes the photos with the posts (others' under their challenge too), keeps the rest", async () => {
    const { world, photos } = await photographedWorld()
    const counts = await deleteAccount(world.target.id, { contributions: 'remove' })
    expect(counts).toMatchObject({ photoDrafts: 2, challenges: 1, solutions: 1 })
    const after = await photoRows(Object.values(photos))
    expect(after.photos).toEqual([{ id: photos.othersChallenge, user_id: world.other.id }])
    expect(after.images).toEqual([photos.othersChallenge])
    expect(await leftovers(world.target)).toEqual([])
  })
})

describe('mail retention', () => {
  it('deletes sent and failed mail after 30 days, never pending mail', async () => {
    const user = await createUser()
    const ids: Record<string, number> = {}
    const cases = [
      ['sentOld', 'sent', 31],
      ['sentRecent', 'sent', 29],
      ['failedOld', 'failed', 40],
      ['failedRecent', 'failed', 2],
      ['pendingOld', 'pending', 40],
    ] as const
    const now = new Date()
    for (const [label, status, days] of cases) {
      const id = await queueMail(
        db,
        user.email,
        { name: 'welcome', values: { name: label, url: 'http://localhost:3000/' } },
        'sv',
      )
      const at = new Date(now.getTime() - days * DAY).toISOString()
      await db
        .updateTable('email_outbox')
        .set({ status, created_at: at, sent_at: status === 'sent' ? at : null } as never)
        .where('id', '=', id)
        .execute()
      ids[label] = id
    }
    expect(await purgeOldMail(now)).toBe(2)
    const left = (await listOutbox({ to: user.email })).map((m) => m.id).sort((a, b) => a - b)
    expect(left).toEqual([ids.sentRecent, ids.failedRecent, ids.pendingOld])
  })
})
