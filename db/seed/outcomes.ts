import type { Transaction } from 'kysely'
import type { Database } from '../schema'

const DAY = 86_400_000

/**
 * Outcomes for the demo: the board already has solved challenges with their solvers and closed
 * ones with reasons; this adds disputes of "solved": one open in the moderation queue and one a
 * moderator already rejected, with the note the disputer sees.
 */
export async function seedDemoOutcomes(trx: Transaction<Database>, now = Date.now()) {
  const [moderator, solved, residents] = await Promise.all([
    trx.selectFrom('users').select('id').where('role', '=', 'moderator').executeTakeFirstOrThrow(),
    trx
      .selectFrom('challenges')
      .select(['id', 'author_id', 'solved_at'])
      .where('status', '=', 'solved')
      .where('hidden_at', 'is', null)
      .where('merged_into_id', 'is', null)
      .orderBy('solved_at', 'desc')
      .limit(2)
      .execute(),
    trx.selectFrom('users').select('id').where('role', '=', 'member').orderBy('id').execute(),
  ])
  if (solved.length < 2) throw new Error('The demo needs two solved challenges for its disputes')
  const at = (challenge: { solved_at: string | null }, days: number) =>
    new Date(
      Math.min(Date.parse(challenge.solved_at ?? new Date(now).toISOString()) + days * DAY, now),
    ).toISOString()
  // A resident who did not post the challenge disputes it.
  const disputer = (challenge: { author_id: number | null }, skip: number) =>
    residents.filter((r) => r.id !== challenge.author_id)[skip]!.id

  const [open, rejected] = solved as [(typeof solved)[number], (typeof solved)[number]]
  const openAt = at(open, 1)
  const { id: openId } = await trx
    .insertInto('disputes')
    .values({
      challenge_id: open.id,
      user_id: disputer(open, 3),
      body: 'Det fungerade en vecka, sedan var det som förut. Jag gick förbi i går kväll och inget har ändrats.',
      status: 'open',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_at: openAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  const rejectedAt = at(rejected, 2)
  const decidedAt = at(rejected, 4)
  const { id: rejectedId } = await trx
    .insertInto('disputes')
    .values({
      challenge_id: rejected.id,
      user_id: disputer(rejected, 5),
      body: 'Lösningen gäller bara vardagar, på helgerna är problemet kvar.',
      status: 'rejected',
      decided_by: moderator.id,
      decided_at: decidedAt,
      decision_note:
        'Helgerna ingick inte i utmaningen som den skrevs. Skriv gärna en ny utmaning om helgerna.',
      created_at: rejectedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  await trx
    .insertInto('audit_log')
    .values([
      {
        actor_id: disputer(open, 3),
        action: 'dispute.file',
        subject_type: 'challenge',
        subject_id: open.id,
        before: null,
        after: JSON.stringify({ disputeId: openId, status: 'open' }),
        reason: null,
        ip: null,
        created_at: openAt,
      },
      {
        actor_id: disputer(rejected, 5),
        action: 'dispute.file',
        subject_type: 'challenge',
        subject_id: rejected.id,
        before: null,
        after: JSON.stringify({ disputeId: rejectedId, status: 'open' }),
        reason: null,
        ip: null,
        created_at: rejectedAt,
      },
      {
        actor_id: moderator.id,
        action: 'dispute.reject',
        subject_type: 'challenge',
        subject_id: rejected.id,
        before: JSON.stringify({ disputeId: rejectedId, status: 'open' }),
        after: JSON.stringify({ disputeId: rejectedId, status: 'rejected' }),
        reason: 'Helgerna ingick inte i utmaningen som den skrevs.',
        ip: null,
        created_at: decidedAt,
      },
    ])
    .execute()
}
