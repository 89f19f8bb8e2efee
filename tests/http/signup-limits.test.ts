import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { listOutbox } from '~/models/outbox.server'
import { forgetSettings, getSettings, SETTING_DEFAULTS } from '~/models/settings.server'
import { testServerForFile } from '../helpers/http'
import { SETTINGS_FORM, saveSettings } from '../helpers/settings'

// Issue 10, item 12: a room full of people behind one public address can sign up; a script
// cannot. The server trusts the loopback proxy, so X-Forwarded-For is the address it sees.
const server = testServerForFile({ trustProxy: 'loopback' })
let admin: Awaited<ReturnType<typeof server.signedIn>>
beforeAll(async () => {
  admin = await server.signedIn({ role: 'admin' })
})

const from = (ip: string) => server.client({ 'X-Forwarded-For': ip })
let sequence = 0

async function signUp(ip: string, name = `Deltagare ${++sequence}`) {
  const email = `person-${sequence}-${Date.now()}@example.se`
  const response = await from(ip).post('/register', {
    name,
    email,
    password: 'en kväll på biblioteket',
    represent: 'none',
  })
  await response.arrayBuffer()
  return { response, email }
}

/** What someone at the workshop does with the welcome mail on their phone (a mobile network). */
async function confirm(email: string) {
  const [welcome] = await listOutbox({ to: email, template: 'welcome' })
  const link = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(welcome?.text_body ?? '')![0]
  const response = await from('100.64.7.9').post(link, {})
  expect(response.status).toBe(200)
}

const accountsFor = async (emails: string[]) =>
  (await db.selectFrom('users').select('id').where('email', 'in', emails).execute()).length

const configure = (changes: Record<string, string>) => saveSettings(admin.client, changes)
const defaults = () =>
  configure({
    signupsPendingPerAddress: String(SETTING_DEFAULTS.signupsPendingPerAddress),
    signupsPendingPerNetwork: String(SETTING_DEFAULTS.signupsPendingPerNetwork),
    signupsPerAddressPerDay: String(SETTING_DEFAULTS.signupsPerAddressPerDay),
  })

describe('a workshop evening behind one public address (issue 10, item 12)', () => {
  it('30 people sign up, most confirm as they go, and latecomers still get in', async () => {
    const library = '192.0.2.10'
    const people: string[] = []
    for (let i = 0; i < 30; i++) {
      const { response, email } = await signUp(library)
      expect(response.status, `person ${i + 1}`).toBe(200)
      people.push(email)
      // Two in three open the mail on their phone while the next person types.
      if (i % 3 !== 2) await confirm(email)
    }
    expect(await accountsFor(people)).toBe(30)
    // Confirmations gave their places back: fifteen more latecomers fit in the same evening.
    for (let i = 0; i < 15; i++) {
      const { response, email } = await signUp(library)
      expect(response.status, `latecomer ${i + 1}`).toBe(200)
      people.push(email)
    }
    expect(await accountsFor(people)).toBe(45)
  })

  it('even if nobody confirms at once, a room of 30 fits', async () => {
    for (let i = 0; i < 30; i++) {
      const { response } = await signUp('192.0.2.11')
      expect(response.status, `person ${i + 1}`).toBe(200)
    }
  })
})

describe('a script signing up from one address', () => {
  it('is stopped with 429 and Retry-After long before 200 accounts', async () => {
    const statuses: number[] = []
    const emails: string[] = []
    let retryAfter = 0
    for (let i = 0; i < 200; i++) {
      const { response, email } = await signUp('198.51.100.66')
      statuses.push(response.status)
      emails.push(email)
      if (response.status === 429) retryAfter = Number(response.headers.get('retry-after'))
    }
    const limit = SETTING_DEFAULTS.signupsPendingPerAddress
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(200))
    expect(statuses.slice(limit)).toEqual(Array(200 - limit).fill(429))
    expect(retryAfter).toBeGreaterThan(0)
    expect(await accountsFor(emails)).toBe(limit)
    // Refused attempts are not counted, so the address's count stays at the limit.
    const row = await db
      .selectFrom('rate_limits' as never)
      .select(['key' as never, 'points' as never])
      .where('key' as never, 'like', 'signupAddress:%' as never)
      .execute()
    expect((row as { points: number }[]).some((r) => r.points === limit)).toBe(true)
  })

  it('cannot walk through the neighbouring addresses of its network', async () => {
    await configure({ signupsPendingPerNetwork: '5' })
    try {
      const statuses: number[] = []
      for (let i = 1; i <= 7; i++) statuses.push((await signUp(`203.0.113.${i}`)).response.status)
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
      // Nor the /64s of one IPv6 /48.
      const v6: number[] = []
      for (let i = 1; i <= 6; i++) v6.push((await signUp(`2001:db8:66:${i}::1`)).response.status)
      expect(v6).toEqual([200, 200, 200, 200, 200, 429])
      // Another network is another matter.
      expect((await signUp('198.18.0.1')).response.status).toBe(200)
    } finally {
      await defaults()
    }
  })

  it('that confirms its own addresses meets the daily ceiling', async () => {
    await configure({ signupsPerAddressPerDay: '6' })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) {
        const { response, email } = await signUp('198.51.100.77')
        statuses.push(response.status)
        if (response.status === 200) await confirm(email)
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429])
    } finally {
      await defaults()
    }
  })
})

describe('the limits are admin settings', () => {
  it('are shown with their defaults, saved, audited and checked', async () => {
    const page = await (await admin.client.get('/admin/settings')).text()
    expect(page).toContain('Gränser för nya konton')
    expect(page).toMatch(
      /name="signupsPendingPerAddress"[^>]*value="40"|value="40"[^>]*name="signupsPendingPerAddress"/,
    )
    await configure({ signupsPendingPerAddress: '60' })
    forgetSettings()
    expect((await getSettings()).signupsPendingPerAddress).toBe(60)
    const audit = await db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'admin.settings.update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.after!)).toEqual({ signupsPendingPerAddress: 60 })
    for (const bad of ['0', '10001', 'många', '2.5']) {
      const response = await admin.client.post('/admin/settings', {
        ...SETTINGS_FORM,
        signupsPendingPerAddress: bad,
      })
      expect(response.status, bad).toBe(400)
    }
    await defaults()
    forgetSettings()
    expect((await getSettings()).signupsPendingPerAddress).toBe(40)
  })
})
