import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '#db/connection'
import { oldDatabase } from '../helpers/old-database'
import { inertProblems } from '../helpers/xss'

// A site with pledges from before plans were rendered as Markdown, brought up to date.
const old = oldDatabase('plan-html')

describe('0008_pledge_plan_html', () => {
  it('keeps existing plans as the escaped text they were shown as, in paragraphs', async () => {
    const { db } = old
    await old.at('0006_weekly_activity')
    await sql`insert into challenges (title, description_md, description_html, summary, category_id, area_id,
        author_id, poster_kind, status, created_at, updated_at)
      values ('En gammal utmaning', 'x', 'x', 'x', 1, 1, 1, 'resident', 'in_progress',
        '2024-03-06T09:00:00.000Z', '2024-03-06T09:00:00.000Z')`.execute(db)
    const plan = `Vi tar **det** & "fixar" <script>alert('x')</script>\r\nrad två\n\nNytt stycke`
    await sql`insert into pledges (challenge_id, user_id, plan) values (1, 1, ${plan})`.execute(db)

    await migrateToLatest(db)

    const row = await sql<{ plan: string; plan_html: string }>`select plan, plan_html from pledges`
      .execute(db)
      .then((r) => r.rows[0]!)
    expect(row.plan).toBe(plan)
    expect(row.plan_html).toBe(
      '<p>Vi tar **det** &amp; &quot;fixar&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\n' +
        'rad två</p><p>Nytt stycke</p>',
    )
    expect(inertProblems(row.plan_html)).toEqual([])
  })
})
