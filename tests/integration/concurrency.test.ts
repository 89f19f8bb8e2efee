import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { db, transaction } from '~/db.server'
import { createResetToken } from '~/models/password-reset.server'
import { resetPassword } from '~/models/account.server'
import { appeal, decideAppeal } from '~/models/appeals.server'
import { confirmEmail, createConfirmationToken } from '~/models/email-confirmation.server'
import { answerFixed } from '~/models/fixed-question.server'
import { autoHideIfFlagged } from '~/models/flag.server'
import { mergeChallenge } from '~/models/merge.server'
import { hidePost } from '~/models/moderation-visibility.server'
import { ensureUnsubscribeToken } from '~/models/notification-mail.server'
import { DuplicatePledge, pledge } from '~/models/pledge.server'
import { markSolved } from '~/models/challenge.server'
import { StaleForm, triageChallenge } from '~/models/triage.server'
import { setChallengeVote } from '~/models/vote.server'
import { addTaxonomyItem } from '~/models/taxonomy.server'
import { createChallengeFor, createUser } from '../factories'
import { onPostgres } from '../helpers/setup'

// Read-then-write sequences run at the same moment. On PostgreSQL the pool's connections run
// the Promise.all's calls really in parallel (READ COMMITTED): without the row locks and
// conditional updates in the models these fail. On SQLite, IMMEDIATE transactions run one at a
// time, so they must pass as they are.

const moderator = async () => ({
  id: (await createUser({ role: 'moderator' })).id,
  role: 'moderator' as const,
})
const users = (n: number) => Promise.all(Array.from({ length: n }, () => createUser()))
const siteUrl = 'http://localhost:3000'

function settled<T>(results: PromiseSettledResult<T>[]) {
  return {
    values: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  }
}

/** Rows of `table` whose columns equal these values. */
async function count(table: string, where: Record<string, string | number>) {
  const conditions = Object.entries(where).map(
    ([column, value]) => sql`${sql.ref(column)} = ${value}`,
  )
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
    where ${sql.join(conditions, sql` and `)}`.execute(db)
  return Number(rows[0]!.n)
}

describe(`concurrency (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('20 simultaneous votes by 20 people: exactly +20, equal to the rows', async () => {
    const owner = await createUser()
    const id = await createChallengeFor(owner.id)
    const voters = await users(20)
    await Promise.all(
      voters.map((v) => setChallengeVote({ userId: v.id, challengeId: id, vote: true })),
    )
    const row = await db
      .selectFrom('challenges')
      .select('vote_count')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.vote_count).toBe(20)
    expect(await count('challenge_votes', { challenge_id: id })).toBe(20)
  })

  it('one reset link used by 10 requests at once: exactly one succeeds', async () => {
    const user = await createUser()
    const token = await createResetToken(db, user.id)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        resetPassword({ token, password: `new passphrase number ${i}`, ip: null }),
      ),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    expect(await count('audit_log', { action: 'user.password_reset', subject_id: user.id })).toBe(1)
  })

  it('one e-mail link used by 10 requests at once: exactly one signs in', async () => {
    const user = await createUser({ confirmed: false })
    const token = await createConfirmationToken(db, user.id)
    const results = await Promise.all(Array.from({ length: 10 }, () => confirmEmail(token)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.reason === 'unknown')).toHaveLength(9)
  })

  it('two moderators with the same form version: one wins, the other is told it is stale', async () => {
    const [a, b] = await Promise.all([moderator(), moderator()])
    const owner = await createUser()
    for (let round = 0; round < 3; round++) {
      const id = await createChallengeFor(owner.id)
      const { version } = await db
        .selectFrom('challenges')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const { values, errors } = settled(
        await Promise.allSettled([
          triageChallenge(a, { challengeId: id, version, change: { status: 'in_progress' } }),
          triageChallenge(b, {
            challengeId: id,
            version,
            change: { status: 'closed', message: 'Nej.' },
          }),
        ]),
      )
      expect(values).toEqual([true])
      expect(errors).toHaveLength(1)
      expect(errors[0]).toBeInstanceOf(StaleForm)
      const after = await db
        .selectFrom('challenges')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(after.version).toBe(version + 1)
    }
  })

  it('two pledges by one person at once: one active, the other refused', async () => {
    const owner = await createUser()
    const worker = await createUser()
    for (let round = 0; round < 3; round++) {
      const id = await createChallengeFor(owner.id)
      const { values, errors } = settled(
        await Promise.allSettled(
          Array.from({ length: 4 }, () =>
            pledge({
              challengeId: id,
              userId: worker.id,
              organisationId: null,
              plan: 'Vi gör det.',
            }),
          ),
        ),
      )
      expect(values).toHaveLength(1)
      expect(errors.every((e) => e instanceof DuplicatePledge)).toBe(true)
      expect(await count('pledges', { challenge_id: id, status: 'active' })).toBe(1)
      const row = await db
        .selectFrom('challenges')
        .select(['pledge_count', 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ pledge_count: 1, status: 'in_progress' })
    }
  })

  it('flags reaching the auto-hide threshold together: hidden once, one audit row, one mail', async () => {
    const owner = await createUser()
    const flaggers = await users(3)
    // Established flaggers (a week old, confirmed) weigh 1 each.
    await sql`update users set created_at = ${new Date(Date.now() - 30 * 86_400_000).toISOString()}
      where id in (${sql.join(flaggers.map((f) => f.id))})`.execute(db)
    const id = await createChallengeFor(owner.id)
    await db
      .insertInto('flags')
      .values(
        flaggers.map((f) => ({
          subject_type: 'challenge' as const,
          subject_id: id,
          challenge_id: id,
          user_id: f.id,
          reason: 'spam',
          note: null,
          resolved_at: null,
          network: null,
        })),
      )
      .execute()
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        autoHideIfFlagged({ subjectType: 'challenge', subjectId: id, threshold: 2, siteUrl }),
      ),
    )
    expect(outcomes.filter((o) => o === 'hidden')).toHaveLength(1)
    expect(await count('audit_log', { action: 'challenge.auto_hide', subject_id: id })).toBe(1)
    expect(await count('email_outbox', { to_address: owner.email, template: 'postHidden' })).toBe(1)
  })

  it('an appeal decided twice at once: decided once, one notification', async () => {
    const [a, b] = await Promise.all([moderator(), moderator()])
    for (let round = 0; round < 3; round++) {
      const owner = await createUser()
      const id = await createChallengeFor(owner.id)
      await hidePost(a, { subjectType: 'challenge', subjectId: id, reason: 'spam', siteUrl })
      await appeal({
        userId: owner.id,
        challengeId: id,
        subjectType: 'challenge',
        subjectId: id,
        body: 'Snälla.',
      })
      const { id: appealId } = await db
        .selectFrom('appeals')
        .select('id')
        .where('subject_id', '=', id)
        .executeTakeFirstOrThrow()
      const results = await Promise.all([
        decideAppeal(a, { appealId, challengeId: id, restore: false, note: 'Nej.' }),
        decideAppeal(b, { appealId, challengeId: id, restore: false, note: 'Nej!' }),
      ])
      expect(results.filter(Boolean)).toHaveLength(1)
      expect(await count('notifications', { kind: 'appeal_decided', challenge_id: id })).toBe(1)
    }
  })

  it('a merge racing votes: every vote ends on the target, counted once', async () => {
    const mod = await moderator()
    const owner = await createUser()
    const voters = await users(8)
    const from = await createChallengeFor(owner.id)
    const into = await createChallengeFor(owner.id)
    await setChallengeVote({ userId: voters[0]!.id, challengeId: from, vote: true })
    const results = await Promise.allSettled([
      ...voters
        .slice(1, 5)
        .map((v) => setChallengeVote({ userId: v.id, challengeId: from, vote: true })),
      mergeChallenge(mod, { fromId: from, intoId: into }),
      ...voters
        .slice(5)
        .map((v) => setChallengeVote({ userId: v.id, challengeId: from, vote: true })),
    ])
    // A vote after the merge is refused (the duplicate is closed); none is lost or doubled.
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as Error).message).toBe('closed')
    expect(await count('challenge_votes', { challenge_id: from })).toBe(0)
    const accepted = results.filter((r, i) => r.status === 'fulfilled' && i !== 4).length + 1
    const target = await db
      .selectFrom('challenges')
      .select('vote_count')
      .where('id', '=', into)
      .executeTakeFirstOrThrow()
    expect(await count('challenge_votes', { challenge_id: into })).toBe(accepted)
    expect(target.vote_count).toBe(accepted)
  })

  it('the author answers "not fixed" several times at once: one dispute, no error', async () => {
    const owner = await createUser()
    for (let round = 0; round < 3; round++) {
      const id = await createChallengeFor(owner.id)
      await markSolved(id, owner.id)
      await db
        .updateTable('challenges')
        .set({ fixed_asked_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute()
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          answerFixed({
            challengeId: id,
            userId: owner.id,
            answer: 'not_fixed',
            defaultDisputeBody: 'Inte fixat.',
          }),
        ),
      )
      expect(results.filter((r) => r?.disputed)).toHaveLength(1)
      expect(await count('disputes', { challenge_id: id })).toBe(1)
    }
  })

  it('two mails built at once hand out one unsubscribe token', async () => {
    const user = await createUser()
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => ensureUnsubscribeToken(user.id)),
    )
    expect(new Set(tokens).size).toBe(1)
    const row = await db
      .selectFrom('users')
      .select('unsubscribe_token')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.unsubscribe_token).toBe(tokens[0])
  })

  it('two admins adding the same category at once: one added, the other told the name is taken', async () => {
    const admin = { actorId: (await createUser({ role: 'admin' })).id }
    const name = `Samtidig ${Date.now()}`
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        addTaxonomyItem('category', { nameSv: name, nameEn: `${name} en` }, admin),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toHaveLength(3)
  })

  // SQLite runs one transaction at a time: two cannot each hold a lock the other wants.
  it.skipIf(!onPostgres)('a deadlock is retried: both transactions commit', async () => {
    const owner = await createUser()
    const [a, b] = [await createChallengeFor(owner.id), await createChallengeFor(owner.id)]
    const versions = async () =>
      (
        await db
          .selectFrom('challenges')
          .select('version')
          .where('id', 'in', [a, b])
          .orderBy('id')
          .execute()
      ).map((r) => r.version)
    const before = await versions()
    let attempts = 0
    let holding = 0
    let bothHold: () => void = () => {}
    const met = new Promise<void>((resolve) => (bothHold = resolve))
    const touch = (trx: Parameters<Parameters<typeof transaction>[0]>[0], id: number) =>
      trx
        .updateTable('challenges')
        .set({ version: sql`version + 1` })
        .where('id', '=', id)
        .execute()
    // Each takes one row, waits until the other holds its own, then wants the other's.
    const crossing = (first: number, second: number) => {
      let waited = false
      return transaction(async (trx) => {
        attempts++
        await touch(trx, first)
        if (!waited) {
          waited = true
          if (++holding === 2) bothHold()
          await met
        }
        await touch(trx, second)
      })
    }
    await Promise.all([crossing(a, b), crossing(b, a)])
    expect(attempts).toBe(3)
    // Each touched both rows once: the deadlock's victim ran again, and nothing was lost.
    expect(await versions()).toEqual(before.map((v) => v + 2))
  })
})
