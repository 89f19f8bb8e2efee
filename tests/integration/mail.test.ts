import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { resetEnv } from '~/env.server'
import { listOutbox } from '~/models/outbox.server'
import { deliverOutbox, MAX_ATTEMPTS, queueMail, resetTransporter } from '~/services/mail.server'

interface Received {
  from: string
  to: string[]
  raw: string
}

let smtp: SMTPServer
let port = 0
const inbox: Received[] = []
let failNext = 0

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        if (failNext > 0) {
          failNext--
          return callback(Object.assign(new Error('mailbox busy'), { responseCode: 451 }))
        }
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  port = (smtp.server.address() as AddressInfo).port
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  resetEnv()
  resetTransporter()
})

afterAll(async () => {
  delete process.env.SMTP_URL
  resetEnv()
  resetTransporter()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('mail service', () => {
  it('writes to the outbox first, then delivers over SMTP with a plain-text and an HTML part', async () => {
    await queueMail(
      db,
      'anna@example.se',
      {
        name: 'passwordReset',
        values: {
          name: 'Anna <Admin>',
          url: 'http://localhost:3000/reset-password/abc',
          minutes: 60,
        },
      },
      'sv',
    )
    const [queued] = await listOutbox({ to: 'anna@example.se' })
    expect(queued?.status).toBe('pending')

    expect(await deliverOutbox()).toBe(1)
    const mail = inbox.find((m) => m.to.includes('anna@example.se'))!
    expect(mail).toBeDefined()
    expect(mail.raw).toMatch(
      /Subject: =\?UTF-8\?Q\?V=C3=A4lj_ett_nytt_l=C3=B6senord\?=|Subject: Välj ett nytt lösenord/,
    )
    expect(mail.raw).toContain('Content-Type: text/plain')
    expect(mail.raw).toContain('Content-Type: text/html')
    // The name is escaped in the HTML part.
    expect(mail.raw).toContain('Anna &lt;Admin&gt;')
    expect(mail.raw).toContain('http://localhost:3000/reset-password/abc')
    // Marked as written by a machine, so autoresponders do not answer it.
    expect(mail.raw).toMatch(/^Auto-Submitted: auto-generated\r?$/m)
    const [sent] = await listOutbox({ to: 'anna@example.se' })
    expect(sent?.status).toBe('sent')
    expect(sent?.sent_at).not.toBeNull()
  })

  it('sends the one-click unsubscribe headers along', async () => {
    const unsubscribe = 'http://localhost:3000/unsubscribe/abcdefghijklmnopqrstuvwxyz'
    await queueMail(
      db,
      'kim@example.se',
      {
        name: 'notifications',
        values: { name: 'Kim', count: 2, items: '…', url: 'http://localhost:3000', unsubscribe },
      },
      'sv',
      {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    )
    await deliverOutbox()
    // Long header lines are folded onto continuation lines; unfold before reading.
    const raw = inbox.find((m) => m.to.includes('kim@example.se'))!.raw.replace(/\r\n[ \t]+/g, ' ')
    expect(raw).toContain(`List-Unsubscribe: <${unsubscribe}>`)
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
  })

  it('translates templates', async () => {
    await queueMail(
      db,
      'sam@example.se',
      { name: 'welcome', values: { name: 'Sam', url: 'http://localhost:3000' } },
      'en',
    )
    await deliverOutbox()
    const mail = inbox.find((m) => m.to.includes('sam@example.se'))!
    expect(mail.raw).toContain('Subject: Welcome to Utmana')
    expect(mail.raw).toContain('Hello Sam,')
  })

  it('retries a failed delivery later with backoff, then gives up', async () => {
    failNext = 1
    await queueMail(
      db,
      'retry@example.se',
      { name: 'welcome', values: { name: 'R', url: 'http://localhost:3000' } },
      'sv',
    )
    const now = new Date()
    expect(await deliverOutbox(now)).toBe(0)
    let [row] = await listOutbox({ to: 'retry@example.se' })
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(Date.parse(row!.next_attempt_at)).toBeGreaterThan(now.getTime() + 20_000)
    expect(row!.last_error).toContain('mailbox busy')

    // Not due yet: nothing happens.
    expect(await deliverOutbox(now)).toBe(0)
    // Due: delivered.
    expect(await deliverOutbox(new Date(now.getTime() + 60_000))).toBe(1)
    ;[row] = await listOutbox({ to: 'retry@example.se' })
    expect(row?.status).toBe('sent')

    failNext = MAX_ATTEMPTS
    await queueMail(
      db,
      'never@example.se',
      { name: 'welcome', values: { name: 'N', url: 'http://localhost:3000' } },
      'sv',
    )
    let later = new Date()
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverOutbox(later)
      later = new Date(later.getTime() + 24 * 60 * 60 * 1000)
    }
    ;[row] = await listOutbox({ to: 'never@example.se' })
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
  })
})
