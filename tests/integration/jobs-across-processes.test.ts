import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import SQLite from 'better-sqlite3'
import { createDatabase, dialectOf, sqlitePathFromUrl, type DatabaseHandle } from '#db/connection'
import { db } from '~/db.server'
import {
  CLAIM_LEASE_MS,
  claimDueMessages,
  insertOutboxMessage,
  listOutbox,
  markSent,
} from '~/models/outbox.server'
import { leaderLock } from '~/models/leader-lock.server'
import { leadership, type Leadership } from '~/services/leader.server'
import { deliverDueMessages, type MailTransport } from '~/services/mail.server'

// Several app processes on one database (issue 12, item 6), played by several database handles
// on this test file's database, each with its own connection (SQLite) or pool (PostgreSQL), and
// several leader candidates, each with its own lease file connection or lock session, as
// separate processes would have.
const url = process.env.DATABASE_URL!
const onPostgres = dialectOf(url) === 'postgres'
const handles: DatabaseHandle[] = []
const leaders: Leadership[] = []
const cleanups: (() => Promise<void>)[] = []
function processHandle() {
  const handle = createDatabase(url)
  handles.push(handle)
  return handle
}
afterAll(async () => {
  await Promise.all(leaders.map((leader) => leader.stop()))
  await Promise.all(cleanups.map((cleanup) => cleanup()))
  await Promise.all(handles.map((handle) => handle.close().catch(() => {})))
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A transport that records what it was asked to send, taking a few milliseconds each. */
function fakeTransport(sent: { to: string; by: number }[], by: number): MailTransport {
  return {
    sendMail: (async (mail: { to: string }) => {
      await sleep(Math.random() * 4)
      sent.push({ to: mail.to, by })
      return {}
    }) as unknown as MailTransport['sendMail'],
  }
}

async function queue(to: string) {
  return insertOutboxMessage(db, {
    to,
    subject: 's',
    text: 't',
    html: '<p>t</p>',
    template: 'welcome',
  })
}

describe('outbox claims', () => {
  it('four processes delivering at once send each message exactly once', async () => {
    const addresses = Array.from({ length: 60 }, (_, i) => `claim-${i}@example.se`)
    for (const to of addresses) await queue(to)
    const sent: { to: string; by: number }[] = []
    const processes = [0, 1, 2, 3].map((by) => ({ handle: processHandle(), by }))
    await Promise.all(
      processes.map(async ({ handle, by }) => {
        const transport = fakeTransport(sent, by)
        // Small batches, so the runs interleave: each claims, sends, claims again.
        while ((await deliverDueMessages({ executor: handle.db, transport, limit: 4 })) > 0);
      }),
    )
    const counts = new Map<string, number>()
    for (const { to } of sent) counts.set(to, (counts.get(to) ?? 0) + 1)
    expect(addresses.filter((to) => counts.get(to) !== 1)).toEqual([])
    expect(sent).toHaveLength(addresses.length)
    // More than one process did some of the sending (they really ran at once).
    expect(new Set(sent.map((s) => s.by)).size).toBeGreaterThan(1)
    const rows = (await listOutbox()).filter((row) => addresses.includes(row.to_address))
    expect(rows.every((row) => row.status === 'sent' && row.claim_token === null)).toBe(true)
  })

  it('a claim left by a process that died mid-send lapses, and another process sends the message', async () => {
    const id = await queue('died-mid-send@example.se')
    const [dead, alive] = [processHandle(), processHandle()]
    const now = new Date()
    // The dead process claimed the message and never recorded the attempt.
    const claimed = await claimDueMessages(dead.db, { now, token: 'dead-run' })
    expect(claimed.map((m) => m.id)).toContain(id)

    const sent: { to: string; by: number }[] = []
    const transport = fakeTransport(sent, 1)
    // While the claim holds, nobody else sends it.
    expect(await deliverDueMessages({ executor: alive.db, transport, now })).toBe(0)
    const [held] = await listOutbox({ to: 'died-mid-send@example.se' })
    expect(held).toMatchObject({ status: 'pending', claim_token: 'dead-run', attempts: 0 })
    // Once it has lapsed, another process sends it.
    const later = new Date(now.getTime() + CLAIM_LEASE_MS + 1_000)
    expect(await deliverDueMessages({ executor: alive.db, transport, now: later })).toBe(1)
    expect(sent.map((s) => s.to)).toEqual(['died-mid-send@example.se'])
    // The first run's late report (had it only been slow) is not recorded over the second's.
    expect(await markSent(dead.db, id, 'dead-run')).toBe(false)
    const [row] = await listOutbox({ to: 'died-mid-send@example.se' })
    expect(row).toMatchObject({ status: 'sent', claim_token: null, claim_expires_at: null })
  })
})

describe('the jobs leader', () => {
  const TRY_EVERY_MS = 150
  const LEASE_MS = 900

  function candidate(name: string) {
    const leader = leadership({ name, url, tryEveryMs: TRY_EVERY_MS, leaseMs: LEASE_MS })
    leaders.push(leader)
    return leader
  }

  /** How long until `held()` says yes, failing after `withinMs`. */
  async function within(withinMs: number, held: () => boolean | Promise<boolean>) {
    const start = Date.now()
    while (!(await held())) {
      if (Date.now() - start > withinMs) throw new Error(`not within ${withinMs} ms`)
      await sleep(10)
    }
    return Date.now() - start
  }

  it('one process leads; when it stops, another takes over at its next try', async () => {
    const [first, second] = [candidate('stop'), candidate('stop')]
    await first.start()
    await second.start()
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false])
    // Followers keep trying, and keep being refused, while the leader renews.
    await sleep(LEASE_MS + 2 * TRY_EVERY_MS)
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false])

    await first.stop()
    expect(first.isLeader()).toBe(false)
    const took = await within(TRY_EVERY_MS + 300, () => second.isLeader())
    expect(took).toBeLessThanOrEqual(TRY_EVERY_MS + 300)
  })

  it('when the holder dies, another process gets the lock: at once on PostgreSQL, once the lease lapses on SQLite', async () => {
    const options = { url, name: 'die', leaseMs: LEASE_MS }
    const dead = leaderLock({ ...options, holder: 'dead' })
    const alive = leaderLock({ ...options, holder: 'alive' })
    try {
      expect(await dead.hold()).toBe(true)
      expect(await alive.hold()).toBe(false)
      if (onPostgres) {
        // The server ends the holder's session, as when its process is killed: the lock goes
        // with the session.
        await sql`select pg_terminate_backend(pid) from pg_locks
          where locktype = 'advisory' and granted
            and database = (select oid from pg_database where datname = current_database())`.execute(
          db,
        )
      } else {
        // The holder stops renewing and never lets go: the lease stays until it lapses.
        await sleep(LEASE_MS / 2)
        expect(await alive.hold()).toBe(false)
      }
      const took = await within(LEASE_MS + 300, () => alive.hold())
      expect(took).toBeLessThanOrEqual(onPostgres ? 300 : LEASE_MS / 2 + 300)
    } finally {
      await alive.release()
      await dead.release()
    }
  })

  it('a job asks the lock before it runs: a leader that lost it since its last try does not run it', async () => {
    // Tries far apart, so the last one is still fresh when the lock goes.
    const leader = leadership({ name: 'confirm', url, tryEveryMs: 60_000, leaseMs: 60_000 })
    leaders.push(leader)
    await leader.start()
    expect(await leader.confirm()).toBe(true)
    if (onPostgres) {
      await sql`select pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory' and granted
          and database = (select oid from pg_database where datname = current_database())`.execute(
        db,
      )
      // pg_terminate_backend only signals: wait until the session (and its lock) is gone.
      await within(5_000, async () => {
        const { rows } = await sql<{ n: number }>`select count(*) as n from pg_locks
          where locktype = 'advisory' and granted
            and database = (select oid from pg_database where datname = current_database())`.execute(
          db,
        )
        return rows[0]!.n === 0
      })
      // Another process takes the free lock before this one's next try.
      const other = leaderLock({ url, name: 'confirm', holder: 'other', leaseMs: 60_000 })
      cleanups.push(() => other.release())
      expect(await other.hold()).toBe(true)
    } else {
      const file = new SQLite(`${sqlitePathFromUrl(url)}-leader`)
      try {
        file
          .prepare(`update leader_lease set holder = 'another', expires_at = ? where name = ?`)
          .run(Date.now() + 60_000, 'confirm')
      } finally {
        file.close()
      }
    }
    // The last try said yes, and no try has come since...
    expect(leader.isLeader()).toBe(true)
    // ...but the job's own question finds the lock gone.
    expect(await leader.confirm()).toBe(false)
    expect(leader.isLeader()).toBe(false)
  })

  // PostgreSQL: the lock is the session's, and a leader whose session ended loses it with it.
  it.skipIf(onPostgres)(
    'a leader that finds its lease taken (it stalled past it) stops leading',
    async () => {
      const leader = candidate('stalled')
      await leader.start()
      expect(leader.isLeader()).toBe(true)
      const file = new SQLite(`${sqlitePathFromUrl(url)}-leader`)
      try {
        file
          .prepare(`update leader_lease set holder = 'another', expires_at = ? where name = ?`)
          .run(Date.now() + 60_000, 'stalled')
      } finally {
        file.close()
      }
      await within(TRY_EVERY_MS + 300, () => !leader.isLeader())
    },
  )
})
