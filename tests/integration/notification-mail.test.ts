import { sql } from 'kysely'
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
import { latestDigestSlot } from '~/services/digest-schedule'
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

let moved = 0
/** Dates the notifications made since the last call to the given instant. */
async function happenedAt(iso: string) {
  // created_at is written by the database only; a test rewinds it with plain SQL.
  const result = await sql<{
    id: number
  }>`update notifications set created_at = ${iso} where id > ${moved} returning id`.execute(db)
  moved = Math.max(moved, ...result.rows.map((r) => r.id))
}

const mailsTo = (email: string) => listOutbox({ to: email, template: 'notifications' })

describe('digest schedule', () => {
  it('is 07:00 in Stockholm, winter and summer time alike, and Monday 07:00 for weekly', () => {
    // 07:30 CET (UTC+1) on Monday 23 November 2026.
    expect(latestDigestSlot('daily', new Date('2026-11-23T06:30:00Z')).toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    )
    // 06:59 CET: still yesterday's slot.
    expect(latestDigestSlot('daily', new Date('2026-11-23T05:59:00Z')).toISOString()).toBe(
      '2026-11-22T06:00:00.000Z',
    )
    // Summer time (UTC+2), and the morning the clocks go forward.
    expect(latestDigestSlot('daily', new Date('2026-07-01T05:30:00Z')).toISOString()).toBe(
      '2026-07-01T05:00:00.000Z',
    )
    expect(latestDigestSlot('daily', new Date('2026-03-29T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T05:00:00.000Z',
    )
    // Thursday 26 November → Monday 23 November; Monday 06:00 CET → the Monday before.
    expect(latestDigestSlot('weekly', new Date('2026-11-26T12:00:00Z')).toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    )
    expect(latestDigestSlot('weekly', new Date('2026-11-30T05:00:00Z')).toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    )
  })
})

describe('notification mail', () => {
  it('mails "at once" followers grouped by challenge, newest first, with one-click unsubscribe', async () => {
    const author = await createUser()
    const actor = await createUser()
    const first = await createChallengeFor(author.id, { title: 'Första utmaningen om belysning' })
    const second = await createChallengeFor(author.id, { title: 'Andra utmaningen om parkering' })
    const now = await followerOf(first, 'immediate')
    await db.insertInto('follows').values({ challenge_id: second, user_id: now.id }).execute()
    const never = await followerOf(first, 'never')

    await addComment({ challengeId: first, authorId: actor.id, body: 'En kommentar' })
    await proposeSolution({
      challengeId: first,
      authorId: actor.id,
      organisationId: null,
      body: 'En lösning',
    })
    await addComment({ challengeId: second, authorId: actor.id, body: 'Kommentar två' })

    await mailNotifications(SITE, new Date())
    const [mail] = await mailsTo(now.email)
    expect(mail?.subject).toBe('3 nya händelser på Utmana')
    // Grouped by challenge (the one with the newest event first), each group's events newest first.
    const text = mail!.text_body
    expect(text.indexOf('Andra utmaningen om parkering')).toBeLessThan(
      text.indexOf('Första utmaningen om belysning'),
    )
    const firstGroup = text.slice(text.indexOf('Första utmaningen'))
    // Each event says what happened and who did it, in the words the notification list uses.
    expect(firstGroup.indexOf('föreslog en lösning')).toBeGreaterThan(-1)
    expect(firstGroup.indexOf('föreslog en lösning')).toBeLessThan(
      firstGroup.indexOf('kommenterade'),
    )
    expect(text.match(/\/challenges\/\d+/g)).toHaveLength(2)
    const token = /\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(text)?.[1]
    expect(token).toBeTruthy()
    // Mail programs show their own unsubscribe button from these headers (RFC 8058).
    expect(JSON.parse(mail!.headers!)).toEqual({
      'List-Unsubscribe': `<${SITE}/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    expect(await listOutbox({ to: never.email })).toEqual([])

    // One click and no more mail.
    expect(await unsubscribeByToken(token!)).toBe(true)
    await addComment({ challengeId: second, authorId: actor.id, body: 'Efter avslut' })
    await mailNotifications(SITE, new Date())
    expect(await mailsTo(now.email)).toHaveLength(1)
  })

  it('keeps news of a challenge hidden since out of mail until a moderator restores it (issue 10, item 6)', async () => {
    const author = await createUser()
    const actor = await createUser()
    const shown = await createChallengeFor(author.id, { title: 'Synlig utmaning om cykelställ' })
    const hidden = await createChallengeFor(author.id, { title: 'Dold utmaning om klotter' })
    const reader = await followerOf(shown, 'immediate')
    await db.insertInto('follows').values({ challenge_id: hidden, user_id: reader.id }).execute()
    await addComment({ challengeId: hidden, authorId: actor.id, body: 'Om det dolda' })
    await db
      .updateTable('challenges')
      .set({ hidden_at: new Date().toISOString(), hidden_reason: 'spam' })
      .where('id', '=', hidden)
      .execute()

    // Nothing but the hidden challenge's news waits: no mail at all.
    await mailNotifications(SITE, new Date())
    expect(await mailsTo(reader.email)).toHaveLength(0)

    await addComment({ challengeId: shown, authorId: actor.id, body: 'Om det synliga' })
    await mailNotifications(SITE, new Date())
    const [mail] = await mailsTo(reader.email)
    expect(mail?.subject).toBe('1 ny händelse på Utmana')
    expect(mail?.text_body).toContain('Synlig utmaning om cykelställ')
    expect(mail?.text_body).not.toContain('klotter')

    // Restored, its news is told after all.
    await db.updateTable('challenges').set({ hidden_at: null }).where('id', '=', hidden).execute()
    await mailNotifications(SITE, new Date())
    const mails = await mailsTo(reader.email)
    expect(mails).toHaveLength(2)
    expect(mails.map((m) => m.text_body).join()).toContain('Dold utmaning om klotter')
  })

  it('sends a daily digest at 07:00; what happens later waits for the next morning', async () => {
    const author = await createUser()
    const actor = await createUser()
    const challenge = await createChallengeFor(author.id, { title: 'Trasig gatubelysning' })
    const daily = await followerOf(challenge, 'daily')

    await addComment({ challengeId: challenge, authorId: actor.id, body: 'Natt' })
    await happenedAt('2026-11-23T02:00:00.000Z') // 03:00 in Stockholm
    await mailNotifications(SITE, new Date('2026-11-23T05:50:00Z')) // 06:50: not yet
    expect(await mailsTo(daily.email)).toHaveLength(0)
    await mailNotifications(SITE, new Date('2026-11-23T06:01:00Z')) // 07:01
    const [digest] = await mailsTo(daily.email)
    expect(digest?.subject).toBe('Din dagliga sammanfattning från Utmana: 1 händelse')
    expect(digest?.text_body).toContain('Trasig gatubelysning')
    expect(digest?.text_body).toContain('03:00')

    await addComment({ challengeId: challenge, authorId: actor.id, body: 'Förmiddag' })
    await happenedAt('2026-11-23T09:00:00.000Z')
    await mailNotifications(SITE, new Date('2026-11-23T20:00:00Z'))
    expect(await mailsTo(daily.email)).toHaveLength(1)
    await mailNotifications(SITE, new Date('2026-11-24T06:00:30Z'))
    expect(await mailsTo(daily.email)).toHaveLength(2)
  })

  it('sends a weekly digest on Monday morning, in English for English readers', async () => {
    const author = await createUser()
    const actor = await createUser()
    const challenge = await createChallengeFor(author.id, { title: 'Cykelparkering vid stationen' })
    const weekly = await followerOf(challenge, 'weekly')
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', weekly.id).execute()

    await addComment({ challengeId: challenge, authorId: actor.id, body: 'Tisdag' })
    await happenedAt('2026-11-24T10:00:00.000Z') // Tuesday
    for (const day of ['2026-11-25', '2026-11-27', '2026-11-29']) {
      await mailNotifications(SITE, new Date(`${day}T08:00:00Z`))
    }
    expect(await mailsTo(weekly.email)).toHaveLength(0)
    await mailNotifications(SITE, new Date('2026-11-30T06:05:00Z')) // Monday 07:05
    const [digest] = await mailsTo(weekly.email)
    expect(digest?.subject).toBe('Your weekly summary from Utmana: 1 event')
    expect(digest?.text_body).toContain('Cykelparkering vid stationen')
    expect(digest?.html_body).toContain('Cykelparkering vid stationen')
  })

  it('sends one digest however much waited, counting what it does not list', async () => {
    const author = await createUser()
    const challenge = await createChallengeFor(author.id, { title: 'Många händelser' })
    const weekly = await followerOf(challenge, 'weekly')
    await db
      .insertInto('notifications')
      .values(
        Array.from({ length: 250 }, () => ({
          user_id: weekly.id,
          challenge_id: challenge,
          actor_id: author.id,
          kind: 'comment' as const,
        })),
      )
      .execute()
    await happenedAt('2026-11-25T10:00:00.000Z')
    await mailNotifications(SITE, new Date('2026-11-30T06:05:00Z'))
    await mailNotifications(SITE, new Date('2026-11-30T06:06:00Z'))
    const mails = await mailsTo(weekly.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Din veckosammanfattning från Utmana: 250 händelser')
    expect(mails[0]!.text_body.match(/kommenterade/g)).toHaveLength(200)
  })
})

describe('what the mail says', () => {
  it('mails personal news to a digest reader at once, in the same words as the page, linking only our own addresses', async () => {
    const author = await createUser()
    const challenge = await createChallengeFor(author.id, {
      title: 'Se https://evil.example/login för detaljer',
    })
    const reader = await followerOf(challenge, 'weekly')
    await db
      .insertInto('notifications')
      .values([
        {
          user_id: reader.id,
          challenge_id: challenge,
          actor_id: null,
          kind: 'message',
          payload: JSON.stringify({ message: 'Läs mer på https://evil.example/phish' }),
        },
        {
          user_id: reader.id,
          challenge_id: challenge,
          actor_id: null,
          kind: 'fixed_question',
          payload: '{}',
        },
      ])
      .execute()
    // A weekly reader on a Wednesday: the digest is not due, but the question is personal.
    await mailNotifications(SITE, new Date('2026-11-25T12:00:00Z'))
    const [mail] = await mailsTo(reader.email)
    expect(mail?.text_body).toContain(
      'Moderatorerna skriver: ”Läs mer på https://evil.example/phish”',
    )
    expect(mail?.text_body).toContain('markerades som löst för en tid sedan. Är det fixat?')
    // Our one-click answers are links; the addresses people wrote stay plain text.
    expect(mail?.html_body).toMatch(
      new RegExp(`<a href="${SITE}/fixed/${challenge}\\.${reader.id}\\.[^"?]+\\?answer=fixed">`),
    )
    expect(mail?.html_body).toContain('https://evil.example/phish')
    expect(mail?.html_body).not.toContain('href="https://evil.example')
  })
})
