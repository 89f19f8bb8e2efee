// The policy (app/utils/policy.ts) walked role × ownership × state, against DESIGN.md's roles
// table. Two halves: the rows of tests/helpers/action-table.ts (the table the HTTP matrix test
// checks every form against) must be exactly what the pure rules allow for the same cast, so the
// policy and the matrix cannot drift apart; then the states the matrix does not reach (hidden,
// pending, withdrawn, merged, the comment edit window, pre-moderation, bans, role changes).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Role } from '#db/schema'
import {
  ACTIVE_STATUSES,
  isActiveStatus,
  PUBLIC_STATUSES,
  WITHDRAWABLE,
} from '~/models/challenge-constants'
import {
  challengePageCan,
  COMMENT_EDIT_WINDOW_MS,
  commentEditRefusal,
  editsNeedReview,
  headerCan,
  isBanned,
  isProtectedFromFlags,
  isStaff,
  mayAcceptSolution,
  mayAdminister,
  mayAppeal,
  mayBan,
  mayChangeRole,
  mayDeleteComment,
  mayDispute,
  mayEditChallenge,
  mayEditComment,
  mayEditSolution,
  mayManageOrganisation,
  mayManagePledge,
  mayManagePost,
  mayModerate,
  mayPublishWithoutReview,
  mayReadEveryInbox,
  mayReadInbox,
  mayRespondOfficially,
  maySeeChallenge,
  maySeeHidden,
  maySolve,
  mayWithdrawChallenge,
  needsEmailConfirmation,
  ROLES,
  STAFF_ROLES,
  type ActingActor,
} from '~/utils/policy'
import { ACTION_TABLE, ROLES as CAST, type Role as CastRole } from '../helpers/action-table'

// The cast of the matrix (tests/helpers/action-table.ts, makeCast), as the pure rules see it:
// `member` owns the target and owns ORG; `orgMember` belongs to ORG; `deptMember` works at DEPT,
// the department the target challenge is routed to.
const ORG = 100
const DEPT = 200
const OTHER_ORG = 300
const actors: Record<Exclude<CastRole, 'visitor'>, ActingActor> = {
  member: { id: 1, role: 'member', memberships: [{ organisationId: ORG, role: 'owner' }] },
  otherMember: {
    id: 2,
    role: 'member',
    memberships: [{ organisationId: OTHER_ORG, role: 'owner' }],
  },
  orgMember: { id: 3, role: 'member', memberships: [{ organisationId: ORG, role: 'member' }] },
  deptMember: { id: 4, role: 'member', memberships: [{ organisationId: DEPT, role: 'member' }] },
  moderator: { id: 5, role: 'moderator', memberships: [] },
  admin: { id: 6, role: 'admin', memberships: [] },
}
const BYSTANDER = 99
const actor = (role: CastRole) => (role === 'visitor' ? null : actors[role])

/** The roles of the cast a rule allows; visitors only where the rule takes them. */
function whoMay(rule: (a: ActingActor) => boolean, visitor = false): CastRole[] {
  return CAST.filter((role) => {
    const a = actor(role)
    return a ? rule(a) : visitor
  })
}

const now = Date.parse('2026-12-03T12:00:00Z')
const ago = (ms: number) => new Date(now - ms).toISOString()

/** The matrix's targets (openChallenge and friends): by `member`, for ORG, routed to DEPT. */
const challenge = (over: Partial<Challenge> = {}): Challenge => ({
  author_id: actors.member.id,
  organisation_id: ORG,
  department_id: DEPT,
  status: 'open',
  hidden_at: null,
  withdrawn_at: null,
  merged_into_id: null,
  ...over,
})
interface Challenge {
  author_id: number | null
  organisation_id: number | null
  department_id: number | null
  status: string
  hidden_at: string | null
  withdrawn_at: string | null
  merged_into_id: number | null
}
const solution = { author_id: actors.member.id, organisation_id: ORG, hidden_at: null }
const pledge = { user_id: actors.member.id, organisation_id: ORG }
const comment = (over: Partial<Parameters<typeof commentEditRefusal>[1]> = {}) => ({
  author_id: actors.member.id,
  created_at: ago(60_000),
  deleted_at: null,
  held_at: null,
  ...over,
})
const noPreModeration = { preModeration: false }

/** Each form of the matrix whose permission is a rule of the policy, with that rule. */
const RULES: Record<string, Record<string, (a: ActingActor) => boolean>> = {
  'routes/challenges.$id': {
    accept: (a) => mayAcceptSolution(a, challenge()),
    unaccept: (a) => mayAcceptSolution(a, challenge()),
    solve: (a) => maySolve(a, challenge()),
    'pledge-done': (a) => mayManagePledge(a, pledge),
    progress: (a) => mayManagePledge(a, pledge),
    'withdraw-pledge': (a) => mayManagePledge(a, pledge),
    'edit-comment': (a) => mayEditComment(a, comment(), noPreModeration, now),
    'delete-comment': (a) => mayDeleteComment(a, comment()),
    dispute: (a) => mayDispute(a, challenge({ status: 'solved' })),
    'official-response': (a) => mayRespondOfficially(a, challenge()),
  },
  'routes/challenges_.$id.edit': {
    '': (a) => mayEditChallenge(a, challenge()),
    post: (a) => mayEditChallenge(a, challenge()),
    preview: (a) => mayEditChallenge(a, challenge()),
    save: (a) => mayEditChallenge(a, challenge()),
    withdraw: (a) => mayWithdrawChallenge(a, challenge()),
  },
  'routes/solutions.$id.edit': {
    '': (a) => mayEditSolution(a, solution),
    save: (a) => mayEditSolution(a, solution),
  },
  'routes/organisations.$slug': {
    profile: (a) => mayManageOrganisation(a, ORG),
    approve: (a) => mayManageOrganisation(a, ORG),
    decline: (a) => mayManageOrganisation(a, ORG),
  },
}

describe('the policy and the action matrix agree', () => {
  for (const [route, intents] of Object.entries(RULES)) {
    for (const [intent, rule] of Object.entries(intents)) {
      it(`${route} [${intent || '(no intent)'}]`, () => {
        const row = ACTION_TABLE[route]?.[intent]
        expect(row, 'the matrix has this row').toBeDefined()
        expect(whoMay(rule), row!.why).toEqual([...row!.allowed])
      })
    }
  }

  it('every form of the moderation and report pages is for those who may moderate', () => {
    for (const [route, intents] of Object.entries(ACTION_TABLE)) {
      if (!/^routes\/(moderation|reports)/.test(route)) continue
      for (const [intent, row] of Object.entries(intents)) {
        if (!row.allowed.length) continue
        expect(whoMay(mayModerate), `${route} [${intent}]`).toEqual([...row.allowed])
      }
    }
  })

  it('every form of the admin pages is for those who may administer', () => {
    for (const [route, intents] of Object.entries(ACTION_TABLE)) {
      if (!route.startsWith('routes/admin')) continue
      for (const [intent, row] of Object.entries(intents)) {
        if (!row.allowed.length) continue
        expect(whoMay(mayAdminister), `${route} [${intent}]`).toEqual([...row.allowed])
      }
    }
  })
})

// Source scans: every app module, line by line.
function appLines() {
  const out: { file: string; line: number; text: string }[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.tsx?$/.test(entry.name)) {
        fs.readFileSync(full, 'utf8')
          .split('\n')
          .forEach((text, i) =>
            out.push({ file: full.split(path.sep).join('/'), line: i + 1, text }),
          )
      }
    }
  }
  walk('app')
  return out
}
const where = ({ file, text }: { file: string; text: string }) => `${file}: ${text.trim()}`
/** Where the constants are defined: the policy, and the challenge states it reads. */
const OWNERS = ['app/utils/policy.ts', 'app/models/challenge-constants.ts']
/** Lines that name a role without checking one. */
const NOT_CHECKS: [string, string][] = [
  // A membership role (owner/member) handed to an heir, and merged: data, not permission.
  ['app/models/account-deletion.server.ts', "m.role === 'owner'"],
  ['app/models/admin-organisations.server.ts', 'role !== there.role'],
  // The admin's user list sorts staff first; a role change to the same role is a no-op.
  ['app/models/admin-users.server.ts', 'const ROLE_ORDER'],
  ['app/models/admin-users.server.ts', 'current.role === role'],
  // Asks the policy (the line names the role it passes).
  ['app/models/admin-users.server.ts', 'mayChangeRole('],
  // An audit action's kind, not a role.
  ['app/utils/audit-sentence.ts', "kind === 'admin'"],
]

describe('constants live once', () => {
  it('roles, staff roles, active statuses and the edit window are written once', () => {
    expect(ROLES).toEqual(['member', 'moderator', 'admin'])
    expect(STAFF_ROLES.every((r) => ROLES.includes(r))).toBe(true)
    const copies = appLines().filter(
      ({ file, text }) =>
        !OWNERS.includes(file) &&
        /'moderator', 'admin'|\['open', 'in_progress'\]|15 \* 60 \* 1000/.test(text),
    )
    expect(copies.map(where)).toEqual([])
  })

  it('no role check outside the policy', () => {
    const checks = appLines().filter(
      ({ file, text }) =>
        file !== 'app/utils/policy.ts' &&
        /role ===|role !==|'moderator'|'admin'/.test(text) &&
        !NOT_CHECKS.some(([f, snippet]) => f === file && text.includes(snippet)),
    )
    expect(checks.map(where)).toEqual([])
  })

  it('active statuses are public statuses a challenge can still be withdrawn from', () => {
    for (const status of ACTIVE_STATUSES) {
      expect(PUBLIC_STATUSES).toContain(status)
      expect(WITHDRAWABLE).toContain(status)
    }
    expect(
      ['open', 'in_progress', 'solved', 'closed', 'pending', 'rejected'].filter(isActiveStatus),
    ).toEqual(['open', 'in_progress'])
  })
})

describe('DESIGN.md roles table, row by row', () => {
  const STAFF: CastRole[] = ['moderator', 'admin']
  const SIGNED = CAST.filter((r) => r !== 'visitor')

  it('see hidden/pending posts, change status, reports: moderators and admins', () => {
    expect(whoMay(maySeeHidden)).toEqual(STAFF)
    expect(whoMay(mayModerate)).toEqual(STAFF)
    expect(whoMay(mayReadEveryInbox)).toEqual(STAFF)
    expect(whoMay(mayPublishWithoutReview)).toEqual(STAFF)
    expect(maySeeHidden(null)).toBe(false)
    expect(mayModerate(undefined)).toBe(false)
  })

  it('categories, areas, organisations, roles, settings: admins', () => {
    expect(whoMay(mayAdminister)).toEqual(['admin'])
    expect(mayAdminister(null)).toBe(false)
  })

  it('the header offers what the role reaches', () => {
    expect(headerCan(null)).toEqual({ moderate: false, administer: false })
    expect(headerCan(actors.member)).toEqual({ moderate: false, administer: false })
    expect(headerCan(actors.moderator)).toEqual({ moderate: true, administer: false })
    expect(headerCan(actors.admin)).toEqual({ moderate: true, administer: true })
  })

  describe('read public content; hidden, pending and rejected only for their author and staff', () => {
    const everyone = [...CAST]
    it.each([
      ['open', null, everyone],
      ['in_progress', null, everyone],
      ['solved', null, everyone],
      ['closed', null, everyone],
      ['pending', null, ['member', ...STAFF]],
      ['rejected', null, ['member', ...STAFF]],
      ['open', 'hidden', ['member', ...STAFF]],
      ['solved', 'hidden', ['member', ...STAFF]],
    ] as const)('%s, %s', (status, hidden, allowed) => {
      const c = challenge({ status, hidden_at: hidden && ago(1000) })
      expect(CAST.filter((r) => maySeeChallenge(actor(r), c))).toEqual(allowed)
    })
    it('a challenge whose author left is seen by staff only when it is off the board', () => {
      const c = challenge({ author_id: null, status: 'pending' })
      expect(CAST.filter((r) => maySeeChallenge(actor(r), c))).toEqual(STAFF)
    })
  })

  describe('edit or withdraw own posts: own, own + organisation’s, staff any', () => {
    const MANAGERS: CastRole[] = ['member', 'orgMember', ...STAFF]

    it('a post for the organisation, by its owner', () => {
      expect(whoMay((a) => mayManagePost(a, challenge()))).toEqual(MANAGERS)
    })
    it('a post by a member for no organisation', () => {
      const own = { author_id: actors.member.id, organisation_id: null }
      expect(whoMay((a) => mayManagePost(a, own))).toEqual(['member', ...STAFF])
    })
    it('a post for the organisation by someone who left it', () => {
      const theirs = { author_id: BYSTANDER, organisation_id: ORG }
      expect(whoMay((a) => mayManagePost(a, theirs))).toEqual(MANAGERS)
    })
    it('a post by someone else for no organisation', () => {
      const theirs = { author_id: BYSTANDER, organisation_id: null }
      expect(whoMay((a) => mayManagePost(a, theirs))).toEqual(STAFF)
    })
    it('a pending membership does not count (only active ones are loaded)', () => {
      const applicant: ActingActor = { id: 7, role: 'member', memberships: [] }
      expect(mayManagePost(applicant, { author_id: BYSTANDER, organisation_id: ORG })).toBe(false)
    })

    it('a hidden challenge or solution: staff only (its author gets a 404)', () => {
      const hidden = ago(1000)
      expect(whoMay((a) => mayEditChallenge(a, challenge({ hidden_at: hidden })))).toEqual(STAFF)
      expect(whoMay((a) => mayEditSolution(a, { ...solution, hidden_at: hidden }))).toEqual(STAFF)
    })
    it('a withdrawn challenge is over: staff only still change it, nobody withdraws it again', () => {
      const withdrawn = challenge({ status: 'closed', withdrawn_at: ago(1000) })
      expect(whoMay((a) => mayEditChallenge(a, withdrawn))).toEqual(STAFF)
      expect(whoMay((a) => mayWithdrawChallenge(a, withdrawn))).toEqual([])
    })
    it.each([
      ['open', MANAGERS],
      ['in_progress', MANAGERS],
      ['pending', MANAGERS],
      ['rejected', MANAGERS],
      ['solved', []],
      ['closed', []],
    ] as const)('withdrawing a %s challenge', (status, allowed) => {
      expect(whoMay((a) => mayWithdrawChallenge(a, challenge({ status })))).toEqual(allowed)
    })
    it('a merged duplicate cannot be withdrawn', () => {
      const merged = challenge({ merged_into_id: 1 })
      expect(whoMay((a) => mayWithdrawChallenge(a, merged))).toEqual([])
    })
    it.each([
      ['open', MANAGERS],
      ['in_progress', MANAGERS],
      ['solved', []],
      ['closed', []],
      ['pending', []],
    ] as const)('solving a %s challenge', (status, allowed) => {
      expect(whoMay((a) => maySolve(a, challenge({ status })))).toEqual(allowed)
    })
    it('pledges: the pledger, their organisation, staff', () => {
      expect(whoMay((a) => mayManagePledge(a, pledge))).toEqual(MANAGERS)
      const alone = { user_id: actors.member.id, organisation_id: null }
      expect(whoMay((a) => mayManagePledge(a, alone))).toEqual(['member', ...STAFF])
    })
  })

  describe('comments: edited by their author in the window, removed by the author or staff', () => {
    const at = (ms: number) => comment({ created_at: ago(ms) })
    it('only the author edits, and only within the window', () => {
      expect(whoMay((a) => mayEditComment(a, at(0), noPreModeration, now))).toEqual(['member'])
      expect(
        whoMay((a) => mayEditComment(a, at(COMMENT_EDIT_WINDOW_MS), noPreModeration, now)),
      ).toEqual(['member'])
      expect(
        commentEditRefusal(actors.member, at(COMMENT_EDIT_WINDOW_MS + 1), noPreModeration, now),
      ).toBe('expired')
      expect(commentEditRefusal(actors.moderator, at(0), noPreModeration, now)).toBe('forbidden')
      expect(commentEditRefusal(null, at(0), noPreModeration, now)).toBe('forbidden')
    })
    it('a removed comment is not edited', () => {
      const removed = comment({ deleted_at: ago(10) })
      expect(commentEditRefusal(actors.member, removed, noPreModeration, now)).toBe('forbidden')
    })
    it('under pre-moderation a published comment is not rewritten; a held one is', () => {
      const on = { preModeration: true }
      expect(commentEditRefusal(actors.member, comment(), on, now)).toBe('reviewed')
      expect(commentEditRefusal(actors.member, comment({ held_at: ago(10) }), on, now)).toBe(null)
    })
    it('removing: the author or staff', () => {
      expect(whoMay((a) => mayDeleteComment(a, comment()))).toEqual(['member', ...STAFF])
      expect(mayDeleteComment(null, comment())).toBe(false)
    })
  })

  it('appeals: the author of a hidden post', () => {
    const hidden = { author_id: actors.member.id, hidden_at: ago(1) }
    expect(CAST.filter((r) => mayAppeal(actor(r), hidden))).toEqual(['member'])
    expect(mayAppeal(actors.member, { ...hidden, hidden_at: null })).toBe(false)
  })

  describe('the challenge page’s `can`', () => {
    it('visitors get none', () => {
      expect(challengePageCan(null, challenge(), noPreModeration)).toBeNull()
    })
    it.each([
      ['member', { manage: true, edit: true, solve: true, respond: false, moderate: false }],
      ['orgMember', { manage: true, edit: true, solve: true, respond: false, moderate: false }],
      [
        'otherMember',
        { manage: false, edit: false, solve: false, respond: false, moderate: false },
      ],
      ['deptMember', { manage: false, edit: false, solve: false, respond: true, moderate: false }],
      ['moderator', { manage: true, edit: true, solve: true, respond: true, moderate: true }],
    ] as const)('%s on an open challenge', (role, expected) => {
      expect(challengePageCan(actors[role], challenge(), noPreModeration)).toMatchObject({
        ...expected,
        dispute: false,
        reviewed: false,
      })
    })
    it('a withdrawn challenge is edited by staff only; pre-moderation reviews members', () => {
      const withdrawn = challenge({ status: 'closed', withdrawn_at: ago(1) })
      const on = { preModeration: true }
      expect(challengePageCan(actors.member, withdrawn, on)).toMatchObject({
        manage: true,
        edit: false,
        reviewed: true,
      })
      expect(challengePageCan(actors.admin, withdrawn, on)).toMatchObject({
        edit: true,
        reviewed: false,
      })
    })
  })

  describe('pre-moderation: everyone’s edits but staff’s are reviewed', () => {
    it.each([true, false])('pre-moderation %s', (preModeration) => {
      expect(whoMay((a) => editsNeedReview(a, { preModeration }))).toEqual(
        preModeration ? SIGNED.filter((r) => !STAFF.includes(r)) : [],
      )
    })
  })

  describe('disputes: residents dispute "solved"; whoever manages it reopens it instead', () => {
    it.each([
      [{ status: 'solved' }, ['otherMember', 'deptMember']],
      [{ status: 'open' }, []],
      [{ status: 'solved', hidden_at: ago(1) }, []],
      [{ status: 'solved', merged_into_id: 1 }, []],
    ] as const)('%j', (state, allowed) => {
      expect(whoMay((a) => mayDispute(a, challenge(state)))).toEqual(allowed)
    })
  })

  describe('department inbox and official responses: the routed department and staff', () => {
    it('responding', () => {
      expect(whoMay((a) => mayRespondOfficially(a, challenge()))).toEqual(['deptMember', ...STAFF])
      expect(whoMay((a) => mayRespondOfficially(a, challenge({ department_id: null })))).toEqual(
        STAFF,
      )
      expect(whoMay((a) => mayRespondOfficially(a, challenge({ merged_into_id: 1 })))).toEqual([])
    })
    it('reading /inbox', () => {
      const departmentsOf = (a: ActingActor) =>
        a.memberships.filter((m) => m.organisationId === DEPT).map((m) => m.organisationId)
      expect(whoMay((a) => mayReadInbox(a, departmentsOf(a)))).toEqual(['deptMember', ...STAFF])
      expect(mayReadInbox(null, [])).toBe(false)
    })
  })

  it('organisations: their active owners manage them (admins use the admin pages)', () => {
    expect(whoMay((a) => mayManageOrganisation(a, ORG))).toEqual(['member'])
    expect(whoMay((a) => mayManageOrganisation(a, OTHER_ORG))).toEqual(['otherMember'])
    expect(whoMay((a) => mayManageOrganisation(a, DEPT))).toEqual([])
  })

  describe('bans: nobody bans themselves; only an admin bans staff', () => {
    const target = (role: Role) => ({ id: BYSTANDER, role })
    it.each([
      ['member', STAFF],
      ['moderator', ['admin']],
      ['admin', ['admin']],
    ] as const)('a %s', (role, allowed) => {
      expect(CAST.filter((r) => mayBan(actor(r), target(role)))).toEqual(allowed)
    })
    it('oneself', () => {
      for (const a of Object.values(actors)) expect(mayBan(a, a)).toBe(false)
    })
  })

  it('a ban holds until its time, and no longer', () => {
    const now = new Date('2030-06-01T12:00:00.000Z')
    expect(isBanned(null, now)).toBe(false)
    expect(isBanned('2030-06-01T12:00:00.001Z', now)).toBe(true)
    expect(isBanned('2030-06-01T12:00:00.000Z', now)).toBe(false)
    expect(isBanned('2030-05-01T12:00:00.000Z', now)).toBe(false)
  })

  describe('roles: admins change them, never taking the admin role from themselves', () => {
    it.each(ROLES)('to %s', (role) => {
      expect(CAST.filter((r) => mayChangeRole(actor(r), BYSTANDER, role))).toEqual(['admin'])
      expect(mayChangeRole(actors.admin, actors.admin.id, role)).toBe(role === 'admin')
    })
  })

  it('members confirm their address; staff accounts are vouched for by an admin', () => {
    for (const role of ROLES) {
      expect(needsEmailConfirmation({ role, email_verified_at: null })).toBe(
        !isStaff({ id: 1, role }),
      )
      expect(needsEmailConfirmation({ role, email_verified_at: ago(1) })).toBe(false)
    }
  })

  it.each([
    [{ authorRole: 'member' }, false],
    [{ authorRole: null }, false],
    [{ authorRole: 'moderator' }, true],
    [{ authorRole: 'admin' }, true],
    [{ authorRole: 'member', organisationKind: 'municipality' }, true],
    [{ authorRole: 'member', organisationKind: 'business' }, false],
    [{ authorRole: 'member', organisationKind: 'business', organisationVerifiedAt: ago(1) }, true],
  ] as const)('flags alone never hide %j: %s', (post, protectedPost) => {
    expect(isProtectedFromFlags(post)).toBe(protectedPost)
  })
})
