import { afterAll, describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { createUser } from '../factories'
import { killRealServers, startRealServer, type RealServer } from '../helpers/real-server'

// Two real server processes (build/server.js) on this test file's database, the SQLite file or
// the PostgreSQL database (issue 12, item 6): a mail queued through either is sent exactly once,
// one process runs the scheduled jobs, and killing it hands them to the other.

afterAll(killRealServers)

type Running = RealServer

// Without SMTP_URL a delivery marks the message sent and logs `mail_kept_in_outbox`: the log
// lines of both processes count the sends.
const startServer = () => startRealServer()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(what: string, withinMs: number, check: () => boolean | Promise<boolean>) {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > withinMs) throw new Error(`${what}: not within ${withinMs} ms`)
    await sleep(50)
  }
  return Date.now() - start
}

const forgotPassword = (server: Running, email: string) =>
  fetch(`${server.url}/forgot-password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    body: new URLSearchParams({ email }),
    redirect: 'manual',
  })

describe('two server processes on one database', () => {
  it('send each queued mail once, run the jobs on one leader, and hand them over when it is killed', async () => {
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser()))
    const first = await startServer()
    const second = await startServer()
    // The first leads from its start (and ran housekeeping before serving); the second follows.
    expect(first.events('leader_acquired'), first.output()).toHaveLength(1)
    expect(first.events('housekeeping_done')).toHaveLength(1)
    await sleep(2_500)
    expect(second.events('leader_acquired'), second.output()).toHaveLength(0)
    expect(second.events('housekeeping_done')).toHaveLength(0)

    // 20 reset mails requested through both at once: each request queues its mail and starts
    // a delivery in its own process, so the two deliver at the same time.
    const answers = await Promise.all(
      users.map((user, i) => forgotPassword(i % 2 ? second : first, user.email)),
    )
    expect(answers.map((a) => a.status)).toEqual(users.map(() => 200))
    const emails = new Set(users.map((u) => u.email))
    const resetMails = async () =>
      (await listOutbox({ template: 'passwordReset' })).filter((m) => emails.has(m.to_address))
    await waitFor('every reset mail sent', 15_000, async () => {
      const mails = await resetMails()
      return mails.length === 20 && mails.every((m) => m.status === 'sent')
    })
    const ids = (await resetMails()).map((m) => m.id).sort((a, b) => a - b)
    // Sent exactly once: one log line per message, across both processes.
    const sendsBy = (server: Running) =>
      server.events('mail_kept_in_outbox').map((entry) => Number(entry.id))
    const sends = [...sendsBy(first), ...sendsBy(second)].filter((id) => ids.includes(id))
    expect(sends.sort((a, b) => a - b)).toEqual(ids)
    expect(first.output() + second.output()).not.toContain('mail_claim_lapsed')

    // kill -9 the leader: the other takes the lock (PostgreSQL: at its next try, the dead
    // session's lock gone with it; SQLite: once the lease has lapsed) and runs the jobs.
    const killedAt = Date.now()
    first.child.kill('SIGKILL')
    await first.exited
    const tookOver = await waitFor('the second process leads', 15_000, () => {
      return second.events('leader_acquired').length === 1
    })
    await waitFor('the new leader runs housekeeping', 5_000, () => {
      return second.events('housekeeping_done').length === 1
    })
    const ranJobsAfter = Date.now() - killedAt
    expect(tookOver).toBeLessThan(11_000)
    expect(ranJobsAfter).toBeLessThan(12_000)

    second.child.kill('SIGTERM')
    expect((await second.exited).code, second.output().slice(-3000)).toBe(0)
    expect(second.events('leader_released')).toHaveLength(1)
    console.info(
      `mails sent by the first process: ${sendsBy(first).filter((id) => ids.includes(id)).length}, ` +
        `by the second: ${sendsBy(second).filter((id) => ids.includes(id)).length}; ` +
        `the second led ${tookOver} ms after the kill and ran housekeeping after ${ranJobsAfter} ms`,
    )
  }, 90_000)
})
