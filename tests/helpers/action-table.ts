// Who may use every form of the app: DESIGN.md's role table written once, as data, keyed by
// route id and intent. The matrix test (tests/http/action-matrix.test.ts) tries every intent the
// route files dispatch by every role and checks the answer against this table; the fuzz test
// (tests/http/form-fuzz.test.ts) uses the same rows for its target ids and the most privileged
// role. A route or intent with no row here fails the matrix: whoever adds it decides who may
// use it, here.
import { SETTINGS_FORM } from './settings'
import { db } from '~/db.server'
import { addComment } from '~/models/comment.server'
import { createConfirmationToken } from '~/models/email-confirmation.server'
import { fileDispute } from '~/models/dispute.server'
import { flagPost } from '~/models/flag.server'
import { appeal } from '~/models/appeals.server'
import { hidePost } from '~/models/moderation-visibility.server'
import { ensureUnsubscribeToken } from '~/models/notification-mail.server'
import { insertMembership } from '~/models/organisation.server'
import { createResetToken } from '~/models/password-reset.server'
import { pledge } from '~/models/pledge.server'
import { acceptSolution, proposeSolution } from '~/models/solution.server'
import { markSolved } from '~/models/challenge.server'
import { signFixedToken } from '~/services/fixed-link.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import type { Client } from './http'

export const ROLES = [
  'visitor',
  'member',
  'otherMember',
  'orgMember',
  'deptMember',
  'moderator',
  'admin',
] as const
export type Role = (typeof ROLES)[number]
export type SignedInRole = Exclude<Role, 'visitor'>
type User = Awaited<ReturnType<typeof createUser>>

/**
 * The people of one round: `member` owns the target (posted the challenge, comment or pledge,
 * for an organisation it owns); `orgMember` belongs to that organisation; `deptMember` works
 * at the municipal department the challenge is routed to; `otherMember` is none of these.
 */
export interface Cast {
  users: Record<SignedInRole, User>
  clients: Record<Role, Client>
  org: { id: number; slug: string }
  department: { id: number; slug: string }
}

export type Ids = Record<string, string | number>
export type Body = Record<string, string | string[]>

export interface Row {
  /** Who gets a 2xx or 3xx (other than the sign-in redirect); everyone else a refusal. */
  allowed: readonly Role[]
  /** The DESIGN.md rule (or product rule) behind `allowed`, shown when the row fails. */
  why: string
  /** Makes the target(s) for one attempt: ids for the URL (`id`, `slug`, `token`) and the body. */
  setup?: (cast: Cast) => Promise<Ids>
  body?: (ids: Ids, cast: Cast, role: Role) => Body
  /**
   * The attempt changes who the client is (signs out, signs in as someone else, deletes or
   * re-keys the account): it gets people of its own.
   */
  fresh?: boolean
}

const SIGNED: readonly Role[] = [
  'member',
  'otherMember',
  'orgMember',
  'deptMember',
  'moderator',
  'admin',
]
const EVERYONE: readonly Role[] = ['visitor', ...SIGNED]
const STAFF: readonly Role[] = ['moderator', 'admin']
const ADMIN: readonly Role[] = ['admin']
/** DESIGN.md "edit or withdraw own posts": own, own + organisation's, moderators any. */
const MANAGERS: readonly Role[] = ['member', 'orgMember', 'moderator', 'admin']
const NOBODY: readonly Role[] = []
const except = (roles: readonly Role[], ...out: Role[]) => roles.filter((r) => !out.includes(r))

let sequence = 0
const unique = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`
let taxonomy: Awaited<ReturnType<typeof createTaxonomy>> | undefined
async function categoryAndArea() {
  taxonomy ??= await createTaxonomy()
  return { categoryId: taxonomy.categoryId, areaId: taxonomy.areaId }
}

// ---- targets ------------------------------------------------------------------------------

/** An open challenge by the member, for their organisation, routed to the department. */
export async function openChallenge(cast: Cast) {
  const id = await createChallengeFor(cast.users.member.id, {
    organisationId: cast.org.id,
    title: `Utmaning för behörighetsprovet ${unique()}`,
  })
  await db
    .updateTable('challenges')
    .set({ department_id: cast.department.id })
    .where('id', '=', id)
    .execute()
  return id
}

async function solvedChallenge(cast: Cast, asked = false) {
  const id = await openChallenge(cast)
  await markSolved(id, cast.users.moderator.id)
  if (asked) {
    await db
      .updateTable('challenges')
      .set({ fixed_asked_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute()
  }
  return id
}

/** Someone who is none of the cast: the author of other people's posts. */
const bystander = () => createUser()

async function solutionBy(challengeId: number, authorId: number, organisationId: number | null) {
  return proposeSolution({
    challengeId,
    authorId,
    organisationId,
    body: `Ett förslag ${unique()}`,
  })
}

async function commentBy(challengeId: number, authorId: number) {
  return addComment({ challengeId, authorId, body: `En kommentar ${unique()}` })
}

async function memberPledge(cast: Cast, challengeId: number) {
  return pledge({
    challengeId,
    userId: cast.users.member.id,
    organisationId: cast.org.id,
    plan: `Vi tar oss an det ${unique()}`,
  })
}

async function version(challengeId: number) {
  const row = await db
    .selectFrom('challenges')
    .select('version')
    .where('id', '=', challengeId)
    .executeTakeFirstOrThrow()
  return row.version
}

const siteUrl = 'http://localhost:3000'
const challengeFields = async () => {
  const { categoryId, areaId } = await categoryAndArea()
  return {
    title: `En ny utmaning om kajen ${unique()}`,
    description: 'Belysningen vid kajen är trasig sedan i höstas.',
    categoryId: String(categoryId),
    areaId: String(areaId),
  }
}
const str = (ids: Ids, key: string) => String(ids[key])

/** An open challenge with a bystander's solution on it, the target of the row's form. */
async function onBystandersSolution(cast: Cast) {
  const id = await openChallenge(cast)
  return { id, targetId: await solutionBy(id, (await bystander()).id, null) }
}

/** An open challenge with the member's pledge on it, the target of the row's form. */
async function onMembersPledge(cast: Cast) {
  const id = await openChallenge(cast)
  return { id, targetId: await memberPledge(cast, id) }
}

/** The form's fields for rows that act on the setup's `targetId`. */
const targetIdBody = (ids: Ids) => ({ targetId: str(ids, 'targetId') })

// ---- the table ----------------------------------------------------------------------------

const challengePage = (row: Row): Row => ({
  ...row,
  setup: row.setup ?? (async (cast) => ({ id: await openChallenge(cast) })),
})

export const ACTION_TABLE: Record<string, Record<string, Row>> = {
  'routes/challenges.$id': {
    '': challengePage({ allowed: NOBODY, why: 'no intent names no form: 400' }),
    vote: challengePage({
      allowed: except(SIGNED, 'member'),
      why: 'signed-in people vote; never on their own post',
    }),
    unvote: challengePage({
      allowed: except(SIGNED, 'member'),
      why: 'signed-in people vote; never on their own post',
    }),
    follow: challengePage({ allowed: SIGNED, why: 'signed-in people follow' }),
    unfollow: challengePage({ allowed: SIGNED, why: 'signed-in people follow' }),
    flag: challengePage({
      allowed: SIGNED,
      why: 'signed-in people flag',
      body: (ids) => ({ subjectType: 'challenge', subjectId: str(ids, 'id'), reason: 'spam' }),
    }),
    comment: challengePage({
      allowed: SIGNED,
      why: 'signed-in people comment',
      body: () => ({ body: `En kommentar ${unique()}` }),
    }),
    'edit-comment': challengePage({
      allowed: ['member'],
      why: 'a comment is edited by its author only',
      setup: async (cast) => {
        const id = await openChallenge(cast)
        return { id, commentId: await commentBy(id, cast.users.member.id) }
      },
      body: (ids) => ({ commentId: str(ids, 'commentId'), body: 'Ändrad kommentar' }),
    }),
    'delete-comment': challengePage({
      allowed: ['member', 'moderator', 'admin'],
      why: 'own posts; moderators any (comments belong to no organisation)',
      setup: async (cast) => {
        const id = await openChallenge(cast)
        return { id, targetId: await commentBy(id, cast.users.member.id) }
      },
      body: targetIdBody,
    }),
    solution: challengePage({
      allowed: SIGNED,
      why: 'signed-in people propose solutions',
      body: () => ({ body: `Ett förslag ${unique()}` }),
    }),
    'vote-solution': challengePage({
      allowed: SIGNED,
      why: 'signed-in people vote (the solution is a bystander’s)',
      setup: onBystandersSolution,
      body: targetIdBody,
    }),
    'unvote-solution': challengePage({
      allowed: SIGNED,
      why: 'signed-in people vote (the solution is a bystander’s)',
      setup: onBystandersSolution,
      body: targetIdBody,
    }),
    accept: challengePage({
      allowed: MANAGERS,
      why: 'the challenge’s owner (or its organisation) or a moderator accepts',
      setup: onBystandersSolution,
      body: targetIdBody,
    }),
    unaccept: challengePage({
      allowed: MANAGERS,
      why: 'the challenge’s owner (or its organisation) or a moderator accepts',
      setup: async (cast) => {
        const id = await openChallenge(cast)
        const targetId = await solutionBy(id, (await bystander()).id, null)
        await acceptSolution({ solutionId: targetId, actorId: cast.users.member.id, accept: true })
        return { id, targetId }
      },
      body: targetIdBody,
    }),
    solve: challengePage({
      allowed: MANAGERS,
      why: 'the owner (or its organisation) or a moderator marks it solved',
    }),
    pledge: challengePage({
      allowed: SIGNED,
      why: 'signed-in people take a challenge on',
      body: () => ({ plan: `Vi tar oss an det ${unique()}` }),
    }),
    'pledge-done': challengePage({
      allowed: MANAGERS,
      why: 'own pledge, own organisation’s, or a moderator',
      setup: onMembersPledge,
      body: targetIdBody,
    }),
    progress: challengePage({
      allowed: MANAGERS,
      why: 'own pledge, own organisation’s, or a moderator',
      setup: async (cast) => {
        const id = await openChallenge(cast)
        return { id, pledgeId: await memberPledge(cast, id) }
      },
      body: (ids) => ({ pledgeId: str(ids, 'pledgeId'), body: `Läget ${unique()}` }),
    }),
    'withdraw-pledge': challengePage({
      allowed: MANAGERS,
      why: 'own pledge, own organisation’s, or a moderator',
      setup: onMembersPledge,
      body: targetIdBody,
    }),
    'fixed-answer': challengePage({
      allowed: SIGNED,
      why: 'signed-in people answer "is it fixed?" once it is asked',
      setup: async (cast) => ({ id: await solvedChallenge(cast, true) }),
      body: () => ({ answer: 'fixed' }),
    }),
    appeal: challengePage({
      allowed: ['member'],
      why: 'only the author of a hidden post appeals',
      setup: async (cast) => {
        const id = await openChallenge(cast)
        const subjectId = await commentBy(id, cast.users.member.id)
        await hidePost(null, { subjectType: 'comment', subjectId, reason: 'spam', siteUrl })
        return { id, subjectId }
      },
      body: (ids) => ({
        subjectType: 'comment',
        subjectId: str(ids, 'subjectId'),
        body: 'Det var inte spam.',
      }),
    }),
    dispute: challengePage({
      allowed: ['otherMember', 'deptMember'],
      why: 'residents dispute "solved"; whoever may manage it reopens it instead',
      setup: async (cast) => ({ id: await solvedChallenge(cast) }),
      body: () => ({ body: 'Det är inte alls löst, lampan är fortfarande trasig.' }),
    }),
    'official-response': challengePage({
      allowed: ['deptMember', 'moderator', 'admin'],
      why: 'official responses: the routed department’s members and moderators',
      body: () => ({ body: `Förvaltningen svarar ${unique()}` }),
    }),
  },

  'routes/challenges_.$id.edit': {
    ...Object.fromEntries(
      ['', 'post', 'preview', 'save'].map((intent) => [
        intent,
        challengePage({
          allowed: MANAGERS,
          why: 'edit own posts: own, organisation’s, moderators any',
          body: () => ({
            title: `Ändrad rubrik om kajen ${unique()}`,
            description: 'Ändrad beskrivning.',
            categoryId: String(taxonomy!.categoryId),
            areaId: String(taxonomy!.areaId),
          }),
        }),
      ]),
    ),
    withdraw: challengePage({ allowed: MANAGERS, why: 'withdraw own posts' }),
  },
  'routes/solutions.$id.edit': Object.fromEntries(
    ['', 'save'].map((intent) => [
      intent,
      {
        allowed: MANAGERS,
        why: 'edit own posts: own, organisation’s, moderators any',
        setup: async (cast: Cast) => ({
          id: await solutionBy(await openChallenge(cast), cast.users.member.id, cast.org.id),
        }),
        body: () => ({ body: `Ändrat förslag ${unique()}` }),
      } satisfies Row,
    ]),
  ),
  'routes/challenges.new': Object.fromEntries(
    ['', 'post', 'preview'].map((intent) => [
      intent,
      {
        allowed: SIGNED,
        why: 'signed-in people post challenges',
        setup: async () => challengeFields(),
        body: (ids: Ids) => ({ ...(ids as Record<string, string>) }),
      } satisfies Row,
    ]),
  ),
}
const triage = (row: Row): Row => ({
  ...row,
  setup: row.setup ?? (async (cast) => ({ id: await openChallenge(cast) })),
})

ACTION_TABLE['routes/moderation.challenges.$id'] = {
  '': triage({ allowed: NOBODY, why: 'no intent names no form: 400' }),
  triage: triage({
    allowed: STAFF,
    why: 'change status, route: moderators',
    setup: async (cast) => {
      const id = await openChallenge(cast)
      return { id, version: await version(id) }
    },
    body: (ids) => ({
      version: str(ids, 'version'),
      status: 'open',
      priority: 'normal',
      categoryId: String(taxonomy!.categoryId),
      areaId: String(taxonomy!.areaId),
    }),
  }),
  note: triage({
    allowed: STAFF,
    why: 'internal notes: moderators',
    body: () => ({ body: 'Ringde.' }),
  }),
  respond: triage({
    allowed: STAFF,
    why: 'official responses from the triage page: moderators',
    body: () => ({ body: `Officiellt svar ${unique()}` }),
  }),
  hide: triage({
    allowed: STAFF,
    why: 'hide/restore: moderators',
    body: (ids) => ({ subjectType: 'challenge', subjectId: str(ids, 'id'), reason: 'spam' }),
  }),
  restore: triage({
    allowed: STAFF,
    why: 'hide/restore: moderators',
    setup: async (cast) => {
      const id = await openChallenge(cast)
      const subjectId = await commentBy(id, (await bystander()).id)
      await hidePost(null, { subjectType: 'comment', subjectId, reason: 'spam', siteUrl })
      return { id, subjectId }
    },
    body: (ids) => ({ subjectType: 'comment', subjectId: str(ids, 'subjectId') }),
  }),
  'auto-hidden': triage({
    allowed: STAFF,
    why: 'hide/restore: moderators',
    setup: async (cast) => autoHiddenComment(cast),
    body: (ids) => ({
      subjectType: 'comment',
      subjectId: str(ids, 'subjectId'),
      decision: 'confirm',
    }),
  }),
  appeal: triage({
    allowed: STAFF,
    why: 'appeals are decided by moderators',
    setup: async (cast) => {
      const id = await openChallenge(cast)
      const author = await bystander()
      const subjectId = await commentBy(id, author.id)
      await hidePost(null, { subjectType: 'comment', subjectId, reason: 'spam', siteUrl })
      await appeal({
        userId: author.id,
        challengeId: id,
        subjectType: 'comment',
        subjectId,
        body: 'Fel',
      })
      const row = await db
        .selectFrom('appeals')
        .select('id')
        .where('subject_type', '=', 'comment')
        .where('subject_id', '=', subjectId)
        .executeTakeFirstOrThrow()
      return { id, appealId: row.id }
    },
    body: (ids) => ({ appealId: str(ids, 'appealId'), restore: 'no' }),
  }),
  dispute: triage({
    allowed: STAFF,
    why: 'disputes of "solved" are decided by moderators',
    setup: async (cast) => {
      const id = await solvedChallenge(cast)
      await fileDispute({
        challengeId: id,
        userId: (await bystander()).id,
        body: 'Det är inte löst alls, tyvärr.',
      })
      const row = await db
        .selectFrom('disputes')
        .select('id')
        .where('challenge_id', '=', id)
        .executeTakeFirstOrThrow()
      return { id, disputeId: row.id, version: await version(id) }
    },
    body: (ids) => ({
      disputeId: str(ids, 'disputeId'),
      decision: 'reject',
      note: 'Det är löst.',
      version: str(ids, 'version'),
    }),
  }),
  merge: triage({
    allowed: STAFF,
    why: 'merging duplicates: moderators',
    setup: async (cast) => ({ id: await openChallenge(cast), intoId: await openChallenge(cast) }),
    body: (ids) => ({ intoId: str(ids, 'intoId') }),
  }),
  ban: triage({
    allowed: STAFF,
    why: 'ban: moderators',
    setup: async (cast) => ({ id: await openChallenge(cast), userId: (await bystander()).id }),
    body: (ids) => ({ userId: str(ids, 'userId'), days: '7', reason: 'Spam' }),
  }),
  unban: triage({
    allowed: STAFF,
    why: 'ban: moderators',
    setup: async (cast) => ({ id: await openChallenge(cast), userId: (await bystander()).id }),
    body: (ids) => ({ userId: str(ids, 'userId') }),
  }),
  dismiss: triage({ allowed: STAFF, why: 'flags: moderators' }),
}

async function autoHiddenComment(cast: Cast) {
  const id = await openChallenge(cast)
  const subjectId = await commentBy(id, (await bystander()).id)
  await flagPost({
    subjectType: 'comment',
    subjectId,
    challengeId: id,
    userId: (await bystander()).id,
    reason: 'spam',
    note: null,
  })
  await db
    .updateTable('comments')
    .set({ hidden_at: new Date().toISOString(), hidden_reason: 'auto_flags' })
    .where('id', '=', subjectId)
    .execute()
  return { id, subjectId }
}

ACTION_TABLE['routes/moderation._index'] = {
  '': {
    allowed: STAFF,
    why: 'bulk status, hide, route: moderators',
    setup: async (cast) => ({ challengeId: await openChallenge(cast) }),
    body: (ids) => ({ ids: str(ids, 'challengeId'), action: 'hide', reason: 'spam' }),
  },
  'auto-hidden': {
    allowed: STAFF,
    why: 'hide/restore: moderators',
    setup: async (cast) => autoHiddenComment(cast),
    body: (ids) => ({
      subjectType: 'comment',
      subjectId: str(ids, 'subjectId'),
      decision: 'restore',
    }),
  },
  held: {
    allowed: STAFF,
    why: 'pending posts are decided by moderators',
    setup: async (cast) => {
      const challengeId = await openChallenge(cast)
      const subjectId = await addComment({
        challengeId,
        authorId: (await bystander()).id,
        body: `Hållen kommentar ${unique()}`,
        held: true,
      })
      return { subjectId }
    },
    body: (ids) => ({
      subjectType: 'comment',
      subjectId: str(ids, 'subjectId'),
      decision: 'approve',
    }),
  },
}

const userRecord = async () => ({ id: (await bystander()).id })
ACTION_TABLE['routes/moderation.users.$id'] = {
  '': {
    allowed: STAFF,
    why: 'ban: moderators',
    setup: userRecord,
    body: (ids) => ({ userId: str(ids, 'id'), days: '7', reason: 'Spam' }),
  },
  unban: { allowed: STAFF, why: 'ban: moderators', setup: userRecord },
}

const municipality = async () => ({
  orgId: (await createOrganisation({ kind: 'municipality', name: `Förvaltning ${unique()}` })).id,
})
ACTION_TABLE['routes/admin.organisations'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400' },
  verify: {
    allowed: ADMIN,
    why: 'organisations: admins',
    setup: municipality,
    body: (ids) => ({ id: str(ids, 'orgId') }),
  },
  unverify: {
    allowed: ADMIN,
    why: 'organisations: admins',
    setup: municipality,
    body: (ids) => ({ id: str(ids, 'orgId') }),
  },
  merge: {
    allowed: ADMIN,
    why: 'organisations: admins',
    setup: async () => ({
      fromId: (await createOrganisation()).id,
      intoId: (await createOrganisation()).id,
    }),
    body: (ids) => ({ fromId: str(ids, 'fromId'), intoId: str(ids, 'intoId') }),
  },
}

const freshCategory = async () => ({ itemId: (await createTaxonomy()).categoryId })
ACTION_TABLE['routes/admin.taxonomy'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400', body: () => ({ type: 'category' }) },
  add: {
    allowed: ADMIN,
    why: 'categories and areas: admins',
    body: () => ({ type: 'category', nameSv: `Ny ${unique()}`, nameEn: `New ${unique()}` }),
  },
  rename: {
    allowed: ADMIN,
    why: 'categories and areas: admins',
    setup: freshCategory,
    body: (ids) => ({
      type: 'category',
      id: str(ids, 'itemId'),
      nameSv: `Omdöpt ${unique()}`,
      nameEn: `Renamed ${unique()}`,
    }),
  },
  archive: {
    allowed: ADMIN,
    why: 'categories and areas: admins',
    setup: freshCategory,
    body: (ids) => ({ type: 'category', id: str(ids, 'itemId') }),
  },
  unarchive: {
    allowed: ADMIN,
    why: 'categories and areas: admins',
    setup: freshCategory,
    body: (ids) => ({ type: 'category', id: str(ids, 'itemId') }),
  },
}

const template = async () => {
  const row = await db
    .insertInto('reply_templates')
    .values({ name: `Mall ${unique()}`, body_sv: 'Hej', body_en: 'Hello', archived_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { templateId: row.id }
}
ACTION_TABLE['routes/admin.templates'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400' },
  add: {
    allowed: ADMIN,
    why: 'settings (reply templates): admins',
    body: () => ({ name: `Mall ${unique()}`, bodySv: 'Tack!', bodyEn: 'Thanks!' }),
  },
  edit: {
    allowed: ADMIN,
    why: 'settings (reply templates): admins',
    setup: template,
    body: (ids) => ({
      id: str(ids, 'templateId'),
      name: `Mall ${unique()}`,
      bodySv: 'Tack igen!',
      bodyEn: 'Thanks again!',
    }),
  },
  archive: {
    allowed: ADMIN,
    why: 'settings (reply templates): admins',
    setup: template,
    body: (ids) => ({ id: str(ids, 'templateId') }),
  },
  unarchive: {
    allowed: ADMIN,
    why: 'settings (reply templates): admins',
    setup: template,
    body: (ids) => ({ id: str(ids, 'templateId') }),
  },
}

ACTION_TABLE['routes/admin.users'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400' },
  role: {
    allowed: ADMIN,
    why: 'roles: admins',
    setup: async () => ({ userId: (await bystander()).id }),
    body: (ids) => ({ id: str(ids, 'userId'), role: 'member' }),
  },
}

ACTION_TABLE['routes/admin.settings'] = {
  '': {
    allowed: ADMIN,
    why: 'settings: admins',
    // The defaults, so the rest of the run sees the same site.
    body: () => ({ ...SETTINGS_FORM }),
  },
}

const ownOrganisation = async (cast: Cast) => ({ slug: cast.org.slug })
const joinRequest = async (cast: Cast) => {
  const applicant = await bystander()
  await insertMembership(db, {
    organisationId: cast.org.id,
    userId: applicant.id,
    role: 'member',
    status: 'pending',
  })
  return { slug: cast.org.slug, userId: applicant.id }
}
ACTION_TABLE['routes/organisations.$slug'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400', setup: ownOrganisation },
  profile: {
    allowed: ['member'],
    why: 'an organisation’s owner edits its profile (admins use /admin/organisations)',
    setup: ownOrganisation,
    body: () => ({ description: 'Vi säljer cyklar.', website: 'https://example.se' }),
  },
  approve: {
    allowed: ['member'],
    why: 'an organisation’s owner answers join requests',
    setup: joinRequest,
    body: (ids) => ({ userId: str(ids, 'userId') }),
  },
  decline: {
    allowed: ['member'],
    why: 'an organisation’s owner answers join requests',
    setup: joinRequest,
    body: (ids) => ({ userId: str(ids, 'userId') }),
  },
}

const password = (cast: Cast, role: Role) =>
  role === 'visitor' ? 'inget konto' : cast.users[role].password
ACTION_TABLE['routes/me._index'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400' },
  'logout-everywhere': { allowed: SIGNED, why: 'one’s own account', fresh: true },
  'resend-confirmation': { allowed: SIGNED, why: 'one’s own account' },
  email: { allowed: SIGNED, why: 'one’s own account', body: () => ({ frequency: 'daily' }) },
  'change-password': {
    allowed: SIGNED,
    why: 'one’s own account',
    fresh: true,
    body: (_ids, cast, role) => ({
      current: password(cast, role),
      password: 'ett helt nytt lösenord',
      confirm: 'ett helt nytt lösenord',
    }),
  },
}
ACTION_TABLE['routes/me.data'] = {
  '': {
    allowed: SIGNED,
    why: 'one’s own account: delete it',
    fresh: true,
    body: (_ids, cast, role) => ({
      password: password(cast, role),
      contributions: 'keep',
      confirm: 'on',
    }),
  },
}
const followTarget = async (cast: Cast) => ({ challengeId: await openChallenge(cast) })
ACTION_TABLE['routes/me.following'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400', setup: followTarget },
  follow: {
    allowed: SIGNED,
    why: 'signed-in people follow',
    setup: followTarget,
    body: (ids) => ({ challengeId: str(ids, 'challengeId') }),
  },
  unfollow: {
    allowed: SIGNED,
    why: 'signed-in people follow',
    setup: followTarget,
    body: (ids) => ({ challengeId: str(ids, 'challengeId') }),
  },
}
ACTION_TABLE['routes/me.notifications'] = {
  '': { allowed: NOBODY, why: 'no intent names no form: 400' },
  'read-all': { allowed: SIGNED, why: 'one’s own notifications' },
}

// Account pages: anyone may use them; the token or the password is what authorises.
ACTION_TABLE['routes/language'] = {
  '': {
    allowed: EVERYONE,
    why: 'anyone chooses a language',
    body: () => ({ lng: 'sv', redirectTo: '/' }),
  },
}
ACTION_TABLE['routes/logout'] = { '': { allowed: EVERYONE, why: 'anyone signs out', fresh: true } }
ACTION_TABLE['routes/login'] = {
  '': {
    allowed: EVERYONE,
    why: 'anyone signs in with a right password',
    fresh: true,
    setup: async () => {
      const user = await bystander()
      return { email: user.email, password: user.password }
    },
    body: (ids) => ({ email: str(ids, 'email'), password: str(ids, 'password'), redirectTo: '/' }),
  },
}
ACTION_TABLE['routes/register'] = {
  '': {
    allowed: EVERYONE,
    why: 'anyone registers',
    fresh: true,
    body: () => ({
      name: 'Ny Person',
      email: `ny-${unique()}@example.se`,
      password: 'ett långt lösenord',
    }),
  },
}
ACTION_TABLE['routes/forgot-password'] = {
  '': {
    allowed: EVERYONE,
    why: 'anyone asks for a reset link (the same answer for every address)',
    body: () => ({ email: `glomsk-${unique()}@example.se` }),
  },
}
ACTION_TABLE['routes/reset-password.$token'] = {
  '': {
    allowed: EVERYONE,
    why: 'the token authorises',
    setup: async () => ({ token: await createResetToken(db, (await bystander()).id) }),
    body: () => ({ password: 'ett nytt långt lösenord', confirm: 'ett nytt långt lösenord' }),
  },
}
ACTION_TABLE['routes/confirm-email.$token'] = {
  '': {
    allowed: EVERYONE,
    why: 'the token authorises',
    // Confirming signs the link's owner in when nobody else is; fresh clients keep it simple.
    fresh: true,
    setup: async () => {
      const user = await createUser({ confirmed: false })
      return { token: await createConfirmationToken(db, user.id) }
    },
  },
}
ACTION_TABLE['routes/unsubscribe.$token'] = {
  '': {
    allowed: EVERYONE,
    why: 'the token authorises',
    setup: async () => ({ token: await ensureUnsubscribeToken((await bystander()).id) }),
  },
}
ACTION_TABLE['routes/fixed.$token'] = {
  '': {
    allowed: EVERYONE,
    why: 'the signed link authorises (it answers for the person it was mailed to)',
    setup: async (cast) => {
      const id = await solvedChallenge(cast, true)
      return { token: signFixedToken(id, (await bystander()).id) }
    },
    body: () => ({ answer: 'fixed' }),
  },
}
ACTION_TABLE['routes/api.$'] = { '': { allowed: NOBODY, why: 'the open data API is read-only' } }
ACTION_TABLE['routes/$'] = { '': { allowed: NOBODY, why: 'an unknown URL: 404' } }

// ---- the cast -----------------------------------------------------------------------------

/** Makes the people of a round, signed in through the real login form. */
export async function makeCast(
  client: () => Client,
  shared?: { org: Cast['org']; department: Cast['department'] },
): Promise<Cast> {
  await categoryAndArea()
  const users = {
    member: await createUser(),
    otherMember: await createUser(),
    orgMember: await createUser(),
    deptMember: await createUser(),
    moderator: await createUser({ role: 'moderator' }),
    admin: await createUser({ role: 'admin' }),
  }
  const org = await createOrganisation({ kind: 'business', ownerId: users.member.id })
  await insertMembership(db, {
    organisationId: org.id,
    userId: users.orgMember.id,
    role: 'member',
    status: 'active',
  })
  const department =
    shared?.department ??
    (await createOrganisation({ kind: 'municipality', name: `Förvaltningen ${unique()}` }))
  await insertMembership(db, {
    organisationId: department.id,
    userId: users.deptMember.id,
    role: 'member',
    status: 'active',
  })
  const clients = { visitor: client() } as Record<Role, Client>
  for (const role of Object.keys(users) as SignedInRole[]) {
    clients[role] = client()
    await clients[role].login(users[role].email, users[role].password)
  }
  return {
    users,
    clients,
    org: { id: org.id, slug: org.slug },
    department: { id: department.id, slug: department.slug },
  }
}
