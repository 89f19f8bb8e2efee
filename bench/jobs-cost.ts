/**
 * What the multi-process jobs cost each process when idle (issue 12, item 6): the outbox poll
 * (every 5 s) as the old read of due messages and as the new claiming update, and the leader's
 * try (every 2 s) as the leader and as a follower. On a scratch database with 5,000 sent
 * messages; not part of `npm run bench`.
 *
 *   npx tsx bench/jobs-cost.ts                                  (a temporary SQLite file)
 *   DATABASE_URL=postgres://…/scratch npx tsx bench/jobs-cost.ts (an empty PostgreSQL database)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-cost-'))
process.env.DATABASE_URL ??= `file:${path.join(dir, 'jobs.sqlite')}`
const url = process.env.DATABASE_URL
const { db, dialect, migrate, closeDatabase } = await import('~/db.server')
const { claimDueMessages, insertOutboxMessage } = await import('~/models/outbox.server')
const { leaderLock } = await import('~/models/leader-lock.server')
await migrate()
for (let i = 0; i < 5000; i++) {
  const id = await insertOutboxMessage(db, {
    to: `x${i}@example.se`,
    subject: 's',
    text: 't',
    html: 'h',
    template: 'welcome',
  })
  await db.updateTable('email_outbox').set({ status: 'sent' }).where('id', '=', id).execute()
}

async function time(label: string, n: number, run: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await run()
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) await run()
  const micros = Number(process.hrtime.bigint() - start) / 1000 / n
  console.log(`${dialect()}  ${label}: ${micros.toFixed(0)} µs`)
}

await time('outbox poll, before: select due (none due)', 2000, () =>
  db
    .selectFrom('email_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', new Date().toISOString())
    .orderBy('id')
    .limit(20)
    .execute(),
)
await time('outbox poll, now: claim due (none due)', 2000, () =>
  claimDueMessages(db, { now: new Date(), token: 'bench' }),
)
if (dialect() === 'sqlite') {
  // The statements alone, prepared once, as the app's statement cache runs them.
  const { sqlite } = await import('~/db.server')
  const now = new Date().toISOString()
  const before = sqlite().prepare(
    `select * from email_outbox where status = 'pending' and next_attempt_at <= ? order by id limit 20`,
  )
  const claim = sqlite().prepare(
    `update email_outbox set claim_token = ?, claim_expires_at = ? where id in (select id from email_outbox
       where status = 'pending' and next_attempt_at <= ? and (claim_expires_at is null or claim_expires_at <= ?)
       order by id limit 20) returning *`,
  )
  await time('statement alone, before: select due', 5000, async () => before.all(now))
  await time('statement alone, now: claim due', 5000, async () => claim.all('t', now, now, now))
}
const leader = leaderLock({ url, name: 'jobs', holder: 'leader', leaseMs: 8000 })
const follower = leaderLock({ url, name: 'jobs', holder: 'follower', leaseMs: 8000 })
await time('leader try, as the leader (renew / ping)', 500, () => leader.hold())
await time('leader try, as a follower (refused)', 2000, () => follower.hold())
await leader.release()
await follower.release()
await closeDatabase()
fs.rmSync(dir, { recursive: true, force: true })
