import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { deleteAccount } from '~/models/account-deletion.server'
import { insertMembership } from '~/models/organisation.server'
import { createOrganisation, createUser } from '../factories'
import {
  buildUserWithEverything,
  counterMismatches,
  userReferences,
} from '../helpers/personal-world'

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
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
  expect(tables.rows.map((t) => t.name)).toContain('rate_limits')
  for (const { name: table } of tables.rows) {
    const columns = await sql<{
      name: string
    }>`select name from pragma_table_info(${table})`.execute(db)
    for (const { name: column } of columns.rows) {
      const rows = await sql<{ n: number }>`
        select count(*) as n from ${sql.table(table)}
        where typeof(${sql.ref(column)}) = 'text'
          and (lower(${sql.ref(column)}) like ${`%${person.email.toLowerCase()}%`}
            or ${sql.ref(column)} like ${`%${person.name}%`})`.execute(db)
      if (Number(rows.rows[0]!.n)) found.push(`${table}.${column} holds the e-mail or name`)
    }
  }
  return found
}

async function exists(table: 'challenges' | 'solutions' | 'comments' | 'pledges', id: number) {
  return Boolean(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst())
}

async function indexedIds(word: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    select rowid as id from challenges_fts where challenges_fts match ${`"${word}"`}`.execute(db)
  return rows.rows.map((r) => r.id)
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
      select count(*) as n from challenges_fts where rowid = ${world.ownChallenge}`.execute(db)
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
