import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '#db/connection'
import { oldDatabase } from '../helpers/old-database'

// A site where authors withdrew challenges before 0012: those that were never public had been
// closed (and so published); they go back to the status they had, marked withdrawn.
const old = oldDatabase('withdrawn')

describe('0012_review_and_withdrawal', () => {
  it('unpublishes challenges withdrawn while pending or rejected, and only those', async () => {
    const { db } = old
    await old.at('0011_credit_and_fixed')
    // Each challenge ends closed as withdrawn, after the statuses listed (then closed).
    const paths: Record<string, string[]> = {
      'withdrawn while pending': ['pending'],
      'withdrawn after rejection': ['pending', 'rejected'],
      'withdrawn while open': ['open'],
      'approved, then withdrawn in progress': ['pending', 'open', 'in_progress'],
      'reopened once, then withdrawn pending': ['open', 'pending'],
    }
    for (const [title, statuses] of Object.entries(paths)) {
      const { rows } = await sql<{ id: number }>`insert into challenges (title, description_md,
          description_html, summary, category_id, area_id, author_id, poster_kind, status,
          closed_reason, created_at, updated_at)
        values (${title}, 'x', 'x', 'x', 1, 1, 1, 'resident', 'closed', 'withdrawn',
          '2024-03-06T09:00:00.000Z', '2024-03-06T09:00:00.000Z') returning id`.execute(db)
      const id = rows[0]!.id
      let from: string | null = null
      for (const [i, to] of [...statuses, 'closed'].entries()) {
        await sql`insert into challenge_status_history (challenge_id, actor_id, from_status,
            to_status, message, created_at)
          values (${id}, 1, ${from}, ${to}, ${to === 'closed' ? 'withdrawn' : null},
            ${`2024-03-0${6 + i}T09:00:00.000Z`})`.execute(db)
        from = to
      }
    }

    await migrateToLatest(db)

    const { rows } = await sql<{
      title: string
      status: string
      closed_reason: string | null
      withdrawn_at: string | null
    }>`select title, status, closed_reason, withdrawn_at from challenges order by id`.execute(db)
    expect(rows).toEqual([
      {
        title: 'withdrawn while pending',
        status: 'pending',
        closed_reason: null,
        withdrawn_at: '2024-03-07T09:00:00.000Z',
      },
      {
        title: 'withdrawn after rejection',
        status: 'rejected',
        closed_reason: null,
        withdrawn_at: '2024-03-08T09:00:00.000Z',
      },
      // Public once: closed as withdrawn stays what it was.
      ...[
        'withdrawn while open',
        'approved, then withdrawn in progress',
        'reopened once, then withdrawn pending',
      ].map((title) => ({
        title,
        status: 'closed',
        closed_reason: 'withdrawn',
        withdrawn_at: null,
      })),
    ])
  })
})
