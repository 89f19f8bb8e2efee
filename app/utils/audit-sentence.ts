import type { TFunction } from '~/i18n-react'

// Turns one audit-log row into a sentence in the reader's language ("Maria routed the challenge
// “Buses” to the Planning department, contact Göran"). Pure: the names of what a row refers to
// (users, departments, challenges …) are looked up by the model (audit-names.server.ts) and
// passed in, so the log page and the triage page say the same thing and tests need no database.

export interface AuditRow {
  action: string
  subject_type: string
  subject_id: number | null
  before: string | null
  after: string | null
  reason: string | null
  actor_name: string | null
}

type Named = { name_sv: string; name_en: string }

/** Names of what audit rows refer to, keyed by id. */
export interface AuditNames {
  users: Record<number, string>
  organisations: Record<number, string>
  challenges: Record<number, string>
  /** The challenge a comment, solution, pledge or photo belongs to, keyed "comment:12". */
  postChallenges: Record<string, number>
  categories: Record<number, Named>
  areas: Record<number, Named>
}

export const emptyAuditNames = (): AuditNames => ({
  users: {},
  organisations: {},
  challenges: {},
  postChallenges: {},
  categories: {},
  areas: {},
})

/** Every action the app records, for the test that each has a sentence in both languages. */
export const KNOWN_AUDIT_ACTIONS = [
  'challenge.status',
  'challenge.route',
  'challenge.priority',
  'challenge.recategorise',
  'challenge.note',
  'challenge.message',
  'challenge.official_response',
  'challenge.merge',
  'challenge.solve',
  'challenge.withdraw',
  ...(['challenge', 'solution'] as const).flatMap((type) => [
    `${type}.edit_approve`,
    `${type}.edit_reject`,
  ]),
  'pledge.approve',
  'pledge.reject',
  ...(['challenge', 'solution', 'comment', 'photo'] as const).flatMap((type) => [
    `${type}.hide`,
    `${type}.restore`,
    `${type}.auto_hide`,
    `${type}.auto_hide_withheld`,
    `${type}.hide_confirm`,
  ]),
  ...(['solution', 'comment'] as const).flatMap((type) => [`${type}.approve`, `${type}.reject`]),
  'appeal.uphold',
  'appeal.reject',
  'flags.dismiss',
  'dispute.file',
  'dispute.reject',
  'dispute.uphold',
  'user.ban',
  'user.unban',
  'user.register',
  'user.email_confirmed',
  'user.password_reset_requested',
  'user.password_reset',
  'user.password_change',
  'user.logout_everywhere',
  'user.account_deleted',
  'user.create_cli',
  'user.update_cli',
  'organisation.create',
  'organisation.update',
  'organisation.join.approve',
  'organisation.join.decline',
  'organisation.owner_promoted',
  ...(['category', 'area'] as const).flatMap((type) =>
    ['add', 'rename', 'archive', 'unarchive'].map((verb) => `admin.${type}.${verb}`),
  ),
  'admin.organisation.verify',
  'admin.organisation.unverify',
  'admin.organisation.merge',
  'admin.user.role',
  'admin.settings.update',
  'admin.template.add',
  'admin.template.edit',
  'admin.template.archive',
  'admin.template.unarchive',
  'report_exported',
] as const

type Json = Record<string, unknown>

/** What belongs to a challenge and is named with it ("comment no. 4 on “Buses”"). */
export type PostType = 'comment' | 'solution' | 'pledge' | 'photo'
const isPostType = (type: string): type is PostType =>
  type === 'comment' || type === 'solution' || type === 'pledge' || type === 'photo'

function parse(text: string | null): Json {
  if (!text) return {}
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
  } catch {
    return {}
  }
}

const num = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)

/** The ids of users, organisations, challenges, categories and areas a row refers to. */
export function auditReferences(row: AuditRow) {
  const before = parse(row.before)
  const after = parse(row.after)
  const ids = {
    users: [] as number[],
    organisations: [] as number[],
    challenges: [] as number[],
    categories: [] as number[],
    areas: [] as number[],
    posts: [] as Array<{ type: PostType; id: number }>,
  }
  const add = (list: number[], value: unknown) => {
    const id = num(value)
    if (id !== null) list.push(id)
  }
  const subject = row.subject_id
  if (subject !== null) {
    if (row.subject_type === 'challenge') ids.challenges.push(subject)
    if (row.subject_type === 'user') ids.users.push(subject)
    if (row.subject_type === 'organisation') ids.organisations.push(subject)
    if (row.subject_type === 'category') ids.categories.push(subject)
    if (row.subject_type === 'area') ids.areas.push(subject)
    if (isPostType(row.subject_type)) ids.posts.push({ type: row.subject_type, id: subject })
  }
  for (const side of [before, after]) {
    add(ids.organisations, side.departmentId)
    add(ids.users, side.contactUserId)
    add(ids.users, side.userId)
    add(ids.users, side.user_id)
    add(ids.challenges, side.mergedInto)
    add(ids.categories, side.categoryId)
    add(ids.areas, side.areaId)
  }
  if (row.action.startsWith('appeal.')) {
    const type = after.subjectType
    const id = num(after.subjectId)
    if (id !== null && type === 'challenge') ids.challenges.push(id)
    if (id !== null && (type === 'comment' || type === 'solution' || type === 'photo'))
      ids.posts.push({ type, id })
  }
  return ids
}

/** One audit row as a sentence in the language of `t`. */
export function describeAudit(
  row: AuditRow,
  names: AuditNames,
  t: TFunction,
  language: string,
): string {
  // Sentences that open with their subject ("comment no. 4 was hidden …") start upper case.
  const sentence = compose(row, names, t, language)
  return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1)
}

function compose(row: AuditRow, names: AuditNames, t: TFunction, language: string): string {
  const before = parse(row.before)
  const after = parse(row.after)
  const actor = row.actor_name ?? t('log.system')
  const en = language === 'en'
  const lower = (text: string) => text.toLocaleLowerCase(en ? 'en-GB' : 'sv-SE')

  const challenge = (id: number | null) => {
    if (id === null) return t('audit.subject.unknown')
    const title = names.challenges[id]
    return title ? t('audit.subject.challenge', { title }) : t('audit.subject.challengeId', { id })
  }
  const post = (type: unknown, id: number | null): string => {
    if (id === null) return t('audit.subject.unknown')
    if (type === 'challenge') return challenge(id)
    if (typeof type !== 'string' || !isPostType(type)) return t('audit.subject.unknown')
    const on = names.postChallenges[`${type}:${id}`]
    const title = on !== undefined ? names.challenges[on] : undefined
    return title ? t(`audit.subject.${type}On`, { id, title }) : t(`audit.subject.${type}`, { id })
  }
  const user = (id: number | null) =>
    id === null
      ? t('audit.subject.unknownUser')
      : (names.users[id] ?? t('audit.subject.userId', { id }))
  const organisation = (id: number | null) =>
    id === null
      ? t('audit.subject.unknown')
      : (names.organisations[id] ?? t('audit.subject.organisationId', { id }))
  const named = (list: Record<number, Named>, id: number | null, fallback: Json) => {
    const found = id === null ? undefined : list[id]
    const name = found
      ? en
        ? found.name_en
        : found.name_sv
      : str(en ? fallback.name_en : fallback.name_sv)
    return name ?? (id === null ? t('audit.subject.unknown') : `#${id}`)
  }
  const subject = () => {
    const id = row.subject_id
    switch (row.subject_type) {
      case 'challenge':
      case 'comment':
      case 'solution':
      case 'pledge':
      case 'photo':
        return post(row.subject_type, id)
      case 'user':
        return user(id)
      case 'organisation':
        return organisation(id)
      default:
        return id === null ? t('audit.subject.unknown') : `#${id}`
    }
  }
  const withReason = (sentence: string, reason = row.reason) =>
    reason ? t('audit.withMessage', { sentence, message: reason }) : sentence
  const say = (key: string, values: Record<string, unknown> = {}) =>
    t(`audit.actions.${key}`, { actor, subject: subject(), ...values })

  const [kind = '', verb = ''] = row.action.split('.')
  const postKind =
    kind === 'challenge' || kind === 'comment' || kind === 'solution' || kind === 'photo'
  const hideReason = (code: unknown) =>
    typeof code === 'string' ? t(`hideReasons.${code}`, { defaultValue: code }) : ''

  switch (row.action) {
    case 'challenge.status': {
      const from = str(before.status)
      const to = str(after.status)
      return withReason(
        say('challenge.status', {
          from: from ? lower(t(`status.${from}`)) : '–',
          to: to ? lower(t(`status.${to}`)) : '–',
        }),
      )
    }
    case 'challenge.route': {
      const department = num(after.departmentId)
      const contact = num(after.contactUserId)
      const sentence =
        department === null
          ? say('challenge.route.none')
          : contact === null
            ? say('challenge.route.department', { department: organisation(department) })
            : say('challenge.route.contact', {
                department: organisation(department),
                contact: user(contact),
              })
      return withReason(sentence)
    }
    case 'challenge.priority': {
      const priority = str(after.priority)
      return withReason(
        say('challenge.priority', {
          priority: priority ? lower(t(`triage.priorities.${priority}`)) : '–',
        }),
      )
    }
    case 'challenge.recategorise': {
      const category = num(after.categoryId)
      const area = num(after.areaId)
      const values = {
        category: named(names.categories, category, {}),
        area: named(names.areas, area, {}),
      }
      const key =
        category !== null && area !== null
          ? 'challenge.recategorise.both'
          : category !== null
            ? 'challenge.recategorise.category'
            : 'challenge.recategorise.area'
      return withReason(say(key, values))
    }
    case 'challenge.merge':
      return say('challenge.merge', { into: challenge(num(after.mergedInto)) })
    case 'challenge.message':
      return withReason(say('challenge.message'))
    case 'challenge.withdraw':
      return say(after.withdrawn ? 'challenge.withdraw.unpublished' : 'challenge.withdraw.closed')
    case 'pledge.approve':
      return say('pledge.approve')
    case 'pledge.reject':
      return say('pledge.reject', { reason: hideReason(after.reason ?? row.reason) })
    case 'challenge.solve': {
      const credited = Array.isArray(after.solvers) ? after.solvers.length : 0
      return say(credited ? 'challenge.solve.credited' : 'challenge.solve.nobody', {
        count: credited,
      })
    }
    case 'appeal.uphold':
    case 'appeal.reject':
      return say(row.action, { post: post(after.subjectType, num(after.subjectId)) })
    case 'flags.dismiss':
      return say('flags.dismiss', { count: num(after.dismissed) ?? 0 })
    case 'user.ban': {
      const until = str(after.bannedUntil)
      const date = until
        ? new Intl.DateTimeFormat(en ? 'en-GB' : 'sv-SE', { dateStyle: 'long' }).format(
            new Date(until),
          )
        : '–'
      return withReason(say('user.ban', { date }))
    }
    case 'dispute.reject':
    case 'dispute.uphold':
      return withReason(say(row.action))
    case 'user.logout_everywhere':
      return say('user.logout_everywhere', { count: num(after.ended) ?? 0 })
    case 'user.create_cli':
    case 'user.update_cli': {
      const role = str(after.role)
      return say(row.action, { role: role ? lower(t(`roles.${role}`)) : '–' })
    }
    case 'admin.user.role': {
      const from = str(before.role)
      const to = str(after.role)
      return say('admin.user.role', {
        from: from ? lower(t(`roles.${from}`)) : '–',
        to: to ? lower(t(`roles.${to}`)) : '–',
      })
    }
    case 'admin.category.rename':
    case 'admin.area.rename':
      return say(row.action, {
        from: named({}, null, before),
        to: named({}, null, after),
      })
    case 'admin.template.add':
    case 'admin.template.edit':
    case 'admin.template.archive':
    case 'admin.template.unarchive':
      return say(row.action, {
        name: str(after.name) ?? str(before.name) ?? `#${row.subject_id ?? ''}`,
      })
    case 'organisation.create':
      return say('organisation.create', {
        subject: str(after.name) ?? subject(),
      })
    case 'organisation.join.approve':
    case 'organisation.join.decline':
      return say(row.action, { user: user(num(after.userId) ?? num(before.userId)) })
    case 'organisation.owner_promoted':
      return say('organisation.owner_promoted', { user: user(num(after.user_id)) })
    case 'report_exported': {
      return say('report_exported', { count: num(after.rows) ?? 0 })
    }
  }
  if (kind === 'admin' && (verb === 'category' || verb === 'area')) {
    const id = row.subject_id
    const list = verb === 'category' ? names.categories : names.areas
    const key = `audit.actions.${row.action}`
    const text = t(key, { actor, name: named(list, id, after) })
    if (text !== key) return text
  }
  if (postKind && verb === 'hide') return say(`${kind}.hide`, { reason: hideReason(after.reason) })
  if (postKind && verb === 'hide_confirm')
    return say(`${kind}.hide_confirm`, { reason: hideReason(after.reason) })
  if (postKind && verb === 'edit_reject')
    return say(`${kind}.edit_reject`, { reason: hideReason(after.reason ?? row.reason) })
  if (postKind && verb === 'reject')
    return say(`${kind}.reject`, { reason: hideReason(after.reason ?? row.reason) })
  if (postKind && verb === 'auto_hide')
    return say(`${kind}.auto_hide`, { count: num(after.flags) ?? 0 })
  if (postKind && verb === 'auto_hide_withheld')
    return say(`${kind}.auto_hide_withheld`, { count: num(after.flags) ?? 0 })

  // Anything else with a plain sentence of its own, then the generic fallback.
  const key = `audit.actions.${row.action}`
  const text = t(key, { actor, subject: subject() })
  if (text !== key && !text.startsWith('[object')) return withReason(text)
  return withReason(
    t('audit.unknown', {
      actor,
      subject: subject(),
      action: row.action.replace(/[._]+/g, ' '),
    }),
  )
}
