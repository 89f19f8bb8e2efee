import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { ensureUnsubscribeToken } from '~/models/notification-mail.server'
import { createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

const server = testServerForFile()

const frequencyOf = async (id: number) =>
  (
    await db
      .selectFrom('users')
      .select('email_frequency')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).email_frequency

describe('unsubscribing from notification mail', () => {
  it('changes nothing when the link is merely opened (mail scanners open links)', async () => {
    const user = await createUser()
    const token = await ensureUnsubscribeToken(user.id)
    const response = await server.client().get(`/unsubscribe/${token}`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<form')
    expect(await frequencyOf(user.id)).toBe('daily')
  })

  it('accepts the one-click POST a mail program sends from its own site (RFC 8058)', async () => {
    const user = await createUser()
    const token = await ensureUnsubscribeToken(user.id)
    const response = await server.client().request(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: {
        Origin: 'https://mail.example.com',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(response.status).toBe(200)
    expect(await frequencyOf(user.id)).toBe('never')
  })

  it('answers 404 for an unknown token, and other posts from foreign sites stay refused', async () => {
    const unknown = await server.client().request('/unsubscribe/abcdefghijklmnopqrstuvwxyz', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(unknown.status).toBe(404)
    const foreign = await server.client().request('/logout', {
      method: 'POST',
      headers: {
        Origin: 'https://mail.example.com',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'x=1',
    })
    expect(foreign.status).toBe(403)
  })
})
