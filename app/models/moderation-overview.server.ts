import { sql } from 'kysely'
import { db } from '~/db.server'
import type { QueueTab } from '~/models/moderation-queue.server'

/** Posts of one kind that flags hid by themselves and that still wait for a moderator. */
async function countAutoHidden(table: 'challenges' | 'solutions' | 'comments') {
  const subjectType = table === 'challenges' ? 'challenge' : table.slice(0, -1)
  const row = await db
    .selectFrom(`${table} as p` as 'comments as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.hidden_reason', '=', 'auto_flags')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('flags')
          .select('flags.id')
          .where('flags.subject_type', '=', subjectType as 'comment')
          .whereRef('flags.subject_id', '=', 'p.id')
          .where('flags.resolved_at', 'is', null),
      ),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Posts flagged enough to hide that are never hidden automatically, still waiting. */
async function countEscalated() {
  const row = await db
    .selectFrom('flags')
    .select((eb) =>
      eb.fn
        .count<number>(sql`${sql.ref('subject_type')} || ':' || ${sql.ref('subject_id')}`)
        .distinct()
        .as('n'),
    )
    .where('resolved_at', 'is', null)
    .where('escalated_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * What waits for the moderators, for the line at the top of /moderation: posts to approve,
 * appeals and disputes to decide, posts hidden by flags alone, challenges past the answer time.
 * Takes the queue's own tab counts so both say the same.
 */
export async function getModerationOverview(counts: Record<QueueTab, number>) {
  const [appeals, escalated, ...autoHidden] = await Promise.all([
    db
      .selectFrom('appeals')
      .innerJoin('challenges', 'challenges.id', 'appeals.challenge_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('appeals.status', '=', 'open')
      .where('challenges.merged_into_id', 'is', null)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
    countEscalated(),
    countAutoHidden('challenges'),
    countAutoHidden('solutions'),
    countAutoHidden('comments'),
  ])
  return {
    pending: counts.pending,
    appeals,
    disputes: counts.disputes,
    autoHidden: autoHidden.reduce((a, b) => a + b, 0),
    escalated,
    overdue: counts.overdue,
  }
}

export type ModerationOverview = Awaited<ReturnType<typeof getModerationOverview>>
