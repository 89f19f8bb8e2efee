import type { ChallengeStatus, FlagSubject, NotificationKind } from '#db/schema'

/**
 * What each kind of notification stores, so its sentence can be written later in the reader's
 * language without looking anything up: names and excerpts are copied at the time of the event
 * (a department renamed later does not rewrite what someone was told). Fields are optional
 * where rows written before issue 9 lack them.
 */
export interface NotificationPayloads {
  solution: { solutionId?: number }
  pledge: { pledgeId?: number }
  progress: { pledgeId?: number }
  status: { from?: ChallengeStatus; to?: ChallengeStatus; message?: string | null; official?: true }
  comment: { commentId?: number }
  message: { message: string }
  official_response: { department: string | null; excerpt: string }
  merged: { intoId: number; intoTitle: string }
  appeal_decided: { subject: FlagSubject; restored: boolean; note: string | null }
  dispute_decided: { upheld: boolean; note: string }
  routed: { department: string }
  assigned: { department: string }
  inbox: { department: string }
  pledge_done: { by: string }
  fixed_question: Record<string, never>
}

export type NotificationPayload<K extends NotificationKind = NotificationKind> =
  NotificationPayloads[K]

type Translate = (key: string, values?: Record<string, unknown>) => string

/** Excerpts quoted in a notification: enough to recognise, short enough for a list or a subject. */
export const EXCERPT_LENGTH = 160

/** The first `EXCERPT_LENGTH` characters of a text on one line, cut at a word with an ellipsis. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length)
  const space = cut.lastIndexOf(' ')
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

function parse(payload: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof payload !== 'string') return payload
  try {
    const value: unknown = JSON.parse(payload)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : null)

/**
 * The sentence that says what happened, in the reader's language: the same words in the
 * notification list, in mail sent at once and in daily and weekly digests. The challenge's
 * title is shown beside it, so the sentence does not repeat it.
 */
export function notificationText(
  t: Translate,
  n: {
    kind: NotificationKind | string
    payload: string | Record<string, unknown>
    actor_name?: string | null
  },
): string {
  const p = parse(n.payload)
  const actor = str(n.actor_name)
  const quoted = (key: string, text: string | null, values: Record<string, unknown> = {}) =>
    text ? t(`${key}Quoted`, { ...values, text }) : t(key, values)
  const byActor = (key: string) =>
    actor ? t(`notifications.text.${key}By`, { name: actor }) : t(`notifications.text.${key}`)
  switch (n.kind) {
    case 'solution':
    case 'pledge':
    case 'progress':
    case 'comment':
      return byActor(n.kind)
    case 'status': {
      if (p.official) return t('notifications.text.officialLegacy')
      const to = str(p.to)
      if (!to) return t('notifications.kinds.status')
      return quoted(`notifications.text.status.${to}`, str(p.message))
    }
    case 'message':
      return t('notifications.text.message', { text: str(p.message) ?? '' })
    case 'official_response':
      return t('notifications.text.officialResponse', {
        department: str(p.department) ?? t('challenge.municipality'),
        text: str(p.excerpt) ?? '',
      })
    case 'merged':
      return t('notifications.text.merged', { title: str(p.intoTitle) ?? `#${Number(p.intoId)}` })
    case 'appeal_decided':
      return quoted(
        `notifications.text.appeal.${p.restored ? 'restored' : 'rejected'}`,
        str(p.note),
        { subject: t(`notifications.subjects.${str(p.subject) ?? 'challenge'}`) },
      )
    case 'dispute_decided':
      return quoted(`notifications.text.dispute.${p.upheld ? 'upheld' : 'rejected'}`, str(p.note))
    case 'routed':
    case 'assigned':
    case 'inbox':
      return t(`notifications.text.${n.kind}`, { department: str(p.department) ?? '' })
    case 'pledge_done':
      return t('notifications.text.pledgeDone', { name: str(p.by) ?? actor ?? '' })
    case 'fixed_question':
      return t('notifications.text.fixedQuestion')
    default:
      return t('notifications.text.other')
  }
}

/** Where a notification leads: most to the challenge, a merge to the challenge it joined. */
export function notificationHref(n: {
  kind: NotificationKind | string
  payload: string | Record<string, unknown>
  challenge_id: number
}): string {
  const p = parse(n.payload)
  switch (n.kind) {
    case 'merged':
      return Number.isSafeInteger(p.intoId)
        ? `/challenges/${p.intoId}`
        : `/challenges/${n.challenge_id}`
    case 'official_response':
      return `/challenges/${n.challenge_id}#official`
    case 'fixed_question':
      return `/challenges/${n.challenge_id}#fixed`
    case 'dispute_decided':
      return `/challenges/${n.challenge_id}#dispute`
    case 'pledge_done':
    case 'pledge':
    case 'progress':
      return `/challenges/${n.challenge_id}#pledges`
    default:
      return `/challenges/${n.challenge_id}`
  }
}
