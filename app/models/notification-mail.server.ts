import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { EmailFrequency, NotificationKind } from '#db/schema'
import { db, transaction } from '~/db.server'
import { readableByRecipient } from '~/models/notification.server'
import { isLocale } from '~/i18n'
import { getFixedT } from '~/services/i18n.server'
import { digestDue } from '~/services/digest-schedule'
import { formatDateTime } from '~/utils/format'
import { queueMail } from '~/services/mail.server'
import { notificationHref, notificationText } from '~/utils/notification-text'
import { fixedAnswerUrl } from '~/services/fixed-link.server'

/**
 * Decisions about a person's own post or work, and questions only they can answer, are mailed
 * at the next run even to digest readers: waiting a week to learn an appeal was decided, or that
 * a challenge is now theirs to answer, would leave the loop open.
 */
export const PERSONAL_KINDS = [
  'appeal_decided',
  'dispute_decided',
  'assigned',
  'fixed_question',
] as const satisfies readonly NotificationKind[]

/** Events listed in one mail; older ones are counted but not listed. */
const MAX_LISTED = 200

export async function ensureUnsubscribeToken(userId: number): Promise<string> {
  const user = await db
    .selectFrom('users')
    .select('unsubscribe_token')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  if (user.unsubscribe_token) return user.unsubscribe_token
  // Two mails built at once must not hand out two tokens, the first then dead: the first
  // write wins and both return what was stored.
  const stored = await db
    .updateTable('users')
    .set({
      unsubscribe_token: sql`coalesce(unsubscribe_token, ${randomBytes(24).toString('base64url')})`,
    })
    .where('id', '=', userId)
    .returning('unsubscribe_token')
    .executeTakeFirstOrThrow()
  return stored.unsubscribe_token!
}

export async function unsubscribeByToken(token: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ email_frequency: 'never' })
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function findUserByUnsubscribeToken(token: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email_frequency'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst()
}

export async function setEmailFrequency(userId: number, frequency: EmailFrequency) {
  await db
    .updateTable('users')
    .set({ email_frequency: frequency })
    .where('id', '=', userId)
    .execute()
}

/**
 * Mails each user their unmailed notifications as they chose: at once, or as a daily (07:00)
 * or weekly (Monday 07:00) digest in the town's time zone. Events are grouped by challenge,
 * the challenge with the newest event first and each group's events newest first. Every mail
 * carries a one-click unsubscribe link and List-Unsubscribe headers (RFC 8058), so mail
 * programs can offer their own unsubscribe button. "never" users' notifications stay in-app
 * only. Returns the number of mails queued.
 */
export async function mailNotifications(siteUrl: string, now = new Date()): Promise<number> {
  // Who has something waiting, and since when: whether a digest is due depends on the oldest.
  const waiting = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select([
      'users.id as user_id',
      'users.email_frequency',
      (eb) => eb.fn.min('notifications.created_at').as('oldest'),
      // Whether any of it is personal news, read in the same pass instead of a query per person.
      (eb) =>
        eb.fn
          .max(eb.case().when('notifications.kind', 'in', PERSONAL_KINDS).then(1).else(0).end())
          .as('personal'),
    ])
    .innerJoin('challenges', 'challenges.id', 'notifications.challenge_id')
    .where('notifications.emailed_at', 'is', null)
    .where('users.email_frequency', '!=', 'never')
    // News of a challenge hidden since waits, unmailed: it is told if a moderator restores it.
    .where(readableByRecipient)
    .groupBy('users.id')
    .execute()

  let queued = 0
  for (const user of waiting) {
    const frequency = user.email_frequency as Exclude<EmailFrequency, 'never'>
    const due = Number(user.personal) === 1 || digestDue(frequency, new Date(user.oldest), now)
    if (!due) continue
    const rows = await db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .innerJoin('challenges', 'challenges.id', 'notifications.challenge_id')
      .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.payload',
        'actor.name as actor_name',
        'notifications.created_at',
        'notifications.challenge_id',
        'challenges.title',
        'users.email',
        'users.name',
        'users.locale',
      ])
      .where('notifications.user_id', '=', user.user_id)
      .where('notifications.emailed_at', 'is', null)
      .where(readableByRecipient)
      .orderBy('notifications.id', 'desc')
      .limit(MAX_LISTED)
      .execute()
    const first = rows[0]
    if (!first) continue
    const userId = user.user_id

    const locale = isLocale(first.locale) ? first.locale : 'sv'
    const t = await getFixedT(locale)
    // Rows come newest first, so groups and their events keep that order. A digest lists the
    // newest MAX_LISTED events; the count in its subject says how many there were in all.
    const groups = new Map<number, { title: string; events: string[]; href?: string }>()
    for (const row of rows) {
      // A merged duplicate's group links to the challenge it joined.
      const group = groups.get(row.challenge_id) ?? {
        title: row.title,
        events: [],
        href: row.kind === 'merged' ? notificationHref(row) : undefined,
      }
      group.events.push(
        `  – ${formatDateTime(row.created_at, locale)}: ${notificationText(t, row)}`,
      )
      // "Is it fixed?" is answered from the mail: one link per answer, signed for this person.
      if (row.kind === 'fixed_question') {
        for (const answer of ['fixed', 'not_fixed'] as const) {
          const url = fixedAnswerUrl(siteUrl, row.challenge_id, user.user_id, answer)
          group.events.push(`    ${t(`fixed.mail.${answer}`)}: ${url}`)
        }
      }
      groups.set(row.challenge_id, group)
    }
    const items = [...groups].map(([id, g]) =>
      [g.title, ...g.events, `  ${siteUrl}${g.href ?? `/challenges/${id}`}`].join('\n'),
    )
    const token = await ensureUnsubscribeToken(userId)
    const unsubscribe = `${siteUrl}/unsubscribe/${token}`
    const sent = await transaction(async (trx) => {
      // Marked first: a run that overlaps this one finds nothing left to mail and sends nothing.
      const marked = await trx
        .updateTable('notifications')
        .set({ emailed_at: now.toISOString() })
        .where('user_id', '=', userId)
        .where('emailed_at', 'is', null)
        .where('id', '<=', first.id)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('notifications')
            .innerJoin('challenges', 'challenges.id', 'notifications.challenge_id')
            .innerJoin('users', 'users.id', 'notifications.user_id')
            .select('notifications.id')
            .where('notifications.user_id', '=', userId)
            .where(readableByRecipient),
        )
        .returning('id')
        .execute()
      if (!marked.length) return false
      await queueMail(
        trx,
        first.email,
        {
          name: 'notifications',
          values: {
            name: first.name,
            count: marked.length,
            items: items.join('\n\n'),
            url: `${siteUrl}/me/notifications`,
            unsubscribe,
            ...(frequency === 'immediate' ? {} : { context: frequency }),
          },
        },
        locale,
        {
          'List-Unsubscribe': `<${unsubscribe}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      )
      await trx
        .updateTable('users')
        .set({ last_digest_at: now.toISOString() })
        .where('id', '=', userId)
        .execute()
      return true
    })
    if (sent) queued++
  }
  return queued
}
