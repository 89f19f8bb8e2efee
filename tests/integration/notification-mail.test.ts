import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { addComment } from '~/models/comment.server'
import {
  mailNotifications,
  setEmailFrequency,
  unsubscribeByToken,
} from '~/models/notification-mail.server'
import { listOutbox } from '~/models/outbox.server'
import { proposeSolution } from '~/models/solution.server'
import { createChallengeFor, createUser } from '../factories'

const SITE = 'http://localhost:3000'

async function followerOf(
  challengeId: number,
  frequency: 'immediate' | 'daily' | 'weekly' | 'never',
) {
  const user = await createUser()
  await setEmailFrequency(user.id, frequency)
  await db.insertInto('follows').values({ challenge_id: challengeId, user_id: user.id }).execute()
  return user
}

describe('notification mail', () => {
  it('mails each follower per their choice, grouped by challenge, with an unsubscribe link', async () => {
    const author = await createUser()
    const actor = await createUser()
    const first = await createChallengeFor(author.id, { title: 'Första utmaningen om belysning' })
    const second = await createChallengeFor(author.id, { title: 'Andra utmaningen om parkering' })
    const now = await followerOf(first, 'immediate')
    await db.insertInto('follows').values({ challenge_id: second, user_id: now.id }).execute()
    const daily = await followerOf(first, 'daily')
    const never = await followerOf(first, 'never')

    await addComment({ challengeId: first, authorId: actor.id, body: 'En kommentar' })
    await proposeSolution({
      challengeId: first,
      authorId: actor.id,
      organisationId: null,
      body: 'En lösning',
    })
    await addComment({ challengeId: second, authorId: actor.id, body: 'Kommentar två' })

    const start = new Date()
    await mailNotifications(SITE, start)
    const [mail] = await listOutbox({ to: now.email, template: 'notifications' })
    expect(mail?.subject).toBe('3 nya händelser på Utmana')
    // Grouped by challenge: one line each, newest first.
    const lines = mail!.text_body.split('\n').filter((l) => l.includes('/challenges/'))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('Andra utmaningen om parkering')
    expect(lines[1]).toContain(
      'Första utmaningen om belysning — nytt lösningsförslag, ny kommentar',
    )
    const unsubscribe = /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(mail!.text_body)?.[1]
    expect(unsubscribe).toBeTruthy()

    // The daily follower's first digest goes out now too, then not again until a day passes.
    expect(await listOutbox({ to: daily.email, template: 'notifications' })).toHaveLength(1)
    await addComment({ challengeId: first, authorId: actor.id, body: 'Senare' })
    await mailNotifications(SITE, new Date(start.getTime() + 60 * 60 * 1000))
    expect(await listOutbox({ to: daily.email, template: 'notifications' })).toHaveLength(1)
    expect(await listOutbox({ to: now.email, template: 'notifications' })).toHaveLength(2)
    await mailNotifications(SITE, new Date(start.getTime() + 25 * 60 * 60 * 1000))
    expect(await listOutbox({ to: daily.email, template: 'notifications' })).toHaveLength(2)

    expect(await listOutbox({ to: never.email })).toEqual([])

    // One click (a POST from the page) and no more mail.
    expect(await unsubscribeByToken(unsubscribe!)).toBe(true)
    await addComment({ challengeId: second, authorId: actor.id, body: 'Efter avslut' })
    await mailNotifications(SITE, new Date(start.getTime() + 26 * 60 * 60 * 1000))
    expect(await listOutbox({ to: now.email, template: 'notifications' })).toHaveLength(2)
  })
})
