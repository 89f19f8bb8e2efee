import type { Transaction } from 'kysely'
import type { Database } from '../schema'
import { random } from './board'

const DAY = 86_400_000

/**
 * A realistic moderation queue for the demo: routed challenges with official answers, a few
 * pending posts, flags with reasons, a hidden comment under appeal. Overdue challenges need no
 * work: old open ones without a response already are.
 */
export async function seedDemoModeration(trx: Transaction<Database>, now = Date.now()) {
  const rnd = random(4)
  const [moderator, departments, challenges, residents] = await Promise.all([
    trx.selectFrom('users').select('id').where('role', '=', 'moderator').executeTakeFirstOrThrow(),
    trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('kind', '=', 'municipality')
      .orderBy('id')
      .execute(),
    trx
      .selectFrom('challenges')
      .select(['id', 'status', 'created_at', 'updated_at', 'author_id'])
      .orderBy('id')
      .execute(),
    trx.selectFrom('users').select('id').where('role', '=', 'member').orderBy('id').execute(),
  ])
  const at = (ms: number) => new Date(Math.min(ms, now - 60_000)).toISOString()
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!

  // Route most challenges in progress or solved, and answer many of them officially.
  for (const c of challenges
    .filter((c) => c.status !== 'open')
    .concat(challenges.filter((c) => c.status === 'open').slice(0, 12))) {
    const department = pick(departments)
    const members = await trx
      .selectFrom('memberships')
      .select('user_id')
      .where('organisation_id', '=', department.id)
      .execute()
    const created = Date.parse(c.created_at)
    const answered = rnd() < 0.7
    const responseAt = at(created + (1 + Math.floor(rnd() * 12)) * DAY)
    const routedAt = at(created + DAY)
    await trx
      .updateTable('challenges')
      .set({
        // Triage stamps the challenge, as the app's does.
        updated_at: routedAt > c.updated_at ? routedAt : c.updated_at,
        department_id: department.id,
        contact_user_id: members[0]?.user_id ?? null,
        priority: pick(['low', 'normal', 'normal', 'high']),
        first_response_at: answered ? responseAt : null,
      })
      .where('id', '=', c.id)
      .execute()
    await trx
      .insertInto('audit_log')
      .values({
        actor_id: moderator.id,
        action: 'challenge.route',
        subject_type: 'challenge',
        subject_id: c.id,
        before: JSON.stringify({ departmentId: null }),
        after: JSON.stringify({ departmentId: department.id }),
        reason: null,
        ip: null,
        created_at: routedAt,
      })
      .execute()
    if (answered) {
      const body = `${department.name} har tagit emot utmaningen och tittar på den. Vi återkommer här med besked.`
      await trx
        .insertInto('official_responses')
        .values({
          challenge_id: c.id,
          author_id: members[0]?.user_id ?? moderator.id,
          organisation_id: department.id,
          body_md: body,
          body_html: `<p>${body}</p>`,
          created_at: responseAt,
        })
        .execute()
    }
  }

  // Flags: a few posts with several reports, some already handled.
  const comments = await trx
    .selectFrom('comments')
    .select(['id', 'challenge_id', 'author_id'])
    .orderBy('id')
    .limit(60)
    .execute()
  const reasons = ['spam', 'offensive', 'personal_data', 'off_topic', 'other']
  for (const [i, comment] of comments.filter((_, i) => i % 9 === 0).entries()) {
    const flaggers = residents
      .filter((r) => r.id !== comment.author_id)
      .sort(() => rnd() - 0.5)
      .slice(0, 1 + (i % 3))
    for (const f of flaggers) {
      await trx
        .insertInto('flags')
        .values({
          subject_type: 'comment',
          subject_id: comment.id,
          challenge_id: comment.challenge_id,
          user_id: f.id,
          reason: pick(reasons),
          note: null,
          resolved_at: null,
          resolved_by: null,
          resolution: null,
          created_at: at(now - (i + 1) * DAY),
        })
        .execute()
    }
  }
  for (const c of challenges.filter((c) => c.status === 'open').slice(20, 24)) {
    const flagger = residents.find((r) => r.id !== c.author_id)!
    await trx
      .insertInto('flags')
      .values({
        subject_type: 'challenge',
        subject_id: c.id,
        challenge_id: c.id,
        user_id: flagger.id,
        reason: pick(['off_topic', 'spam']),
        note: 'Verkar vara en dubblett eller reklam.',
        resolved_at: null,
        resolved_by: null,
        resolution: null,
        created_at: at(now - 2 * DAY),
      })
      .execute()
  }

  // A hidden comment whose author appealed.
  const appealed = comments[5]
  if (appealed?.author_id) {
    const hiddenAt = at(now - 3 * DAY)
    await trx
      .updateTable('comments')
      .set({ hidden_at: hiddenAt, hidden_reason: 'offensive' })
      .where('id', '=', appealed.id)
      .execute()
    await trx
      .insertInto('audit_log')
      .values({
        actor_id: moderator.id,
        action: 'comment.hide',
        subject_type: 'comment',
        subject_id: appealed.id,
        before: JSON.stringify({ hidden: false }),
        after: JSON.stringify({ hidden: true, reason: 'offensive' }),
        reason: 'offensive',
        ip: null,
        created_at: hiddenAt,
      })
      .execute()
    await trx
      .insertInto('appeals')
      .values({
        subject_type: 'comment',
        subject_id: appealed.id,
        challenge_id: appealed.challenge_id,
        user_id: appealed.author_id,
        body: 'Jag menade inget illa – det var ironiskt menat och riktat mot situationen, inte mot någon person.',
        status: 'open',
        decided_by: null,
        decided_at: null,
        created_at: at(now - 2 * DAY),
      })
      .execute()
  }

  // Two new posts waiting for review, as if pre-moderation had been on.
  for (const c of challenges.filter((c) => c.status === 'open').slice(-2)) {
    await trx
      .updateTable('challenges')
      .set({ status: 'pending', department_id: null, first_response_at: null })
      .where('id', '=', c.id)
      .execute()
    await trx
      .updateTable('challenge_status_history')
      .set({ to_status: 'pending' })
      .where('challenge_id', '=', c.id)
      .execute()
  }
}
