import { sql, type SelectQueryBuilder } from 'kysely'
import type { Database, OrganisationKind } from '#db/schema'
import { db, transaction } from '~/db.server'
import { containsPattern, likeIgnoringCase } from '~/models/dialect.server'
import { recordAudit } from '~/models/audit.server'
import { fetchPage } from '~/models/paging.server'
import { PUBLIC_STATUSES } from '~/models/challenge-constants'

export const DIRECTORY_PAGE_SIZE = 20
/** Like the board: deep pages are not offered; search narrows better. */
export const DIRECTORY_MAX_PAGE = 50
/** Each list on a profile shows at most this many rows, newest first. */
const PROFILE_LIST_LIMIT = 100

const PUBLIC = [...PUBLIC_STATUSES]

/**
 * Organisations of one kind (any without `kind`) whose name contains `q` in any case (any
 * without `q`), by name: the directory and the admin list find and order them alike.
 */
export function searchOrganisations<O>(
  qb: SelectQueryBuilder<Database, 'organisations', O>,
  search: { kind?: OrganisationKind; q?: string },
) {
  if (search.kind) qb = qb.where('organisations.kind', '=', search.kind)
  if (search.q) {
    // Bound as a parameter; ESCAPE makes the user's % and _ plain characters.
    qb = qb.where(likeIgnoringCase(sql.ref('organisations.name'), containsPattern(search.q)))
  }
  return qb.orderBy(sql`lower(organisations.name)`).orderBy('organisations.id')
}

/**
 * One page of the organisation directory, with each organisation's public counts: challenges
 * it posted and challenges it is credited with solving (hidden, pending, rejected left out).
 */
export async function listOrganisations(query: {
  kind?: OrganisationKind
  q?: string
  page: number
}) {
  const page = Math.min(Math.max(Math.trunc(query.page) || 1, 1), DIRECTORY_MAX_PAGE)
  const qb = db.selectFrom('organisations').select((eb) => [
    'organisations.id',
    'organisations.slug',
    'organisations.name',
    'organisations.kind',
    'organisations.verified_at',
    eb
      .selectFrom('challenges')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('challenges.organisation_id', '=', 'organisations.id')
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      .where('challenges.merged_into_id', 'is', null)
      .as('challenge_count'),
    eb
      .selectFrom('challenge_solvers')
      .innerJoin('challenges', 'challenges.id', 'challenge_solvers.challenge_id')
      .select((c) => c.fn.count<number>('challenge_solvers.challenge_id').distinct().as('n'))
      .whereRef('challenge_solvers.organisation_id', '=', 'organisations.id')
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      .as('solved_count'),
  ])
  const q = query.q?.trim().slice(0, 100)
  const { items, hasNext } = await fetchPage(searchOrganisations(qb, { kind: query.kind, q }), {
    page,
    size: DIRECTORY_PAGE_SIZE,
    maxPage: DIRECTORY_MAX_PAGE,
  })
  return {
    page,
    hasNext,
    items: items.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      verified: r.verified_at !== null,
      challengeCount: Number(r.challenge_count ?? 0),
      solvedCount: Number(r.solved_count ?? 0),
    })),
  }
}

/**
 * The public profile: the organisation with its area, active members (names and roles only,
 * never emails), the public challenges it posted, its pledges and solutions on public
 * challenges, and the challenges it is credited with solving. Pending join requests are
 * included only when `mayManage` (the policy's mayManageOrganisation, asked by the route) says
 * the viewer manages it. Undefined for an unknown slug.
 */
export async function getOrganisationProfile(
  slug: string,
  mayManage: (organisationId: number) => boolean = () => false,
) {
  const organisation = await db
    .selectFrom('organisations')
    .leftJoin('areas', 'areas.id', 'organisations.area_id')
    .select([
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.kind',
      'organisations.description',
      'organisations.website',
      'organisations.verified_at',
      'organisations.created_at',
      'areas.name_sv as area_sv',
      'areas.name_en as area_en',
    ])
    .where('organisations.slug', '=', slug)
    .executeTakeFirst()
  if (!organisation) return undefined
  const id = organisation.id
  const owner = mayManage(id)

  const [members, challenges, pledges, solutions, solved, joinRequests] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.name', 'memberships.role'])
      .where('memberships.organisation_id', '=', id)
      .where('memberships.status', '=', 'active')
      // Owners first.
      .orderBy((eb) => eb.case().when('memberships.role', '=', 'owner').then(0).else(1).end())
      .orderBy(sql`lower(users.name)`)
      .execute(),
    db
      .selectFrom('challenges')
      .select([
        'challenges.id',
        'challenges.title',
        'challenges.status',
        'challenges.vote_count',
        'challenges.created_at',
      ])
      .where('challenges.organisation_id', '=', id)
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      .where('challenges.merged_into_id', 'is', null)
      .orderBy('challenges.created_at', 'desc')
      .orderBy('challenges.id', 'desc')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    db
      .selectFrom('pledges')
      .innerJoin('challenges', 'challenges.id', 'pledges.challenge_id')
      .select([
        'pledges.id',
        'pledges.status',
        'pledges.created_at',
        'challenges.id as challenge_id',
        'challenges.title as challenge_title',
        'challenges.status as challenge_status',
      ])
      .where('pledges.organisation_id', '=', id)
      .where('pledges.status', '!=', 'withdrawn')
      .where('pledges.held_at', 'is', null)
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      .where('challenges.merged_into_id', 'is', null)
      .orderBy('pledges.id', 'desc')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    db
      .selectFrom('solutions')
      .innerJoin('challenges', 'challenges.id', 'solutions.challenge_id')
      .select([
        'solutions.id',
        'solutions.accepted_at',
        'solutions.created_at',
        'challenges.id as challenge_id',
        'challenges.title as challenge_title',
        'challenges.status as challenge_status',
      ])
      .where('solutions.organisation_id', '=', id)
      .where('solutions.hidden_at', 'is', null)
      .where('solutions.held_at', 'is', null)
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      .where('challenges.merged_into_id', 'is', null)
      .orderBy('solutions.id', 'desc')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    db
      .selectFrom('challenge_solvers')
      .innerJoin('challenges', 'challenges.id', 'challenge_solvers.challenge_id')
      .select([
        'challenges.id',
        'challenges.title',
        'challenges.status',
        'challenges.solved_at',
        'challenges.created_at',
      ])
      .where('challenge_solvers.organisation_id', '=', id)
      .where('challenges.hidden_at', 'is', null)
      .where('challenges.status', 'in', PUBLIC)
      // One row per challenge, even when several of its solutions are credited.
      .groupBy('challenges.id')
      .orderBy(sql`coalesce(challenges.solved_at, challenges.created_at)`, 'desc')
      .limit(PROFILE_LIST_LIMIT)
      .execute(),
    owner
      ? db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.id as user_id', 'users.name', 'memberships.created_at'])
          .where('memberships.organisation_id', '=', id)
          .where('memberships.status', '=', 'pending')
          .orderBy('memberships.created_at')
          .execute()
      : Promise.resolve([]),
  ])

  return {
    organisation: {
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
      description: organisation.description,
      website: organisation.website,
      verified: organisation.verified_at !== null,
      created_at: organisation.created_at,
      area_sv: organisation.area_sv,
      area_en: organisation.area_en,
    },
    members,
    challenges,
    pledges,
    // SQLite has no booleans: the accepted flag is derived here.
    solutions: solutions.map(({ accepted_at, ...s }) => ({ ...s, accepted: accepted_at !== null })),
    solved,
    manageable: owner,
    joinRequests,
  }
}

/** The organisation's id for a slug (the action's lookup before its ownership check). */
export async function getOrganisationIdBySlug(slug: string) {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row?.id ?? null
}

interface Actor {
  actorId: number
  ip?: string | null
}

/**
 * Makes a pending join request an active membership, with its audit row, in one transaction.
 * The caller has checked mayManageOrganisation. False when there is no such pending request.
 */
export async function approveJoinRequest(
  input: { organisationId: number; userId: number } & Actor,
): Promise<boolean> {
  return transaction(async (trx) => {
    const result = await trx
      .updateTable('memberships')
      .set({ status: 'active' })
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', '=', input.userId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return false
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'organisation.join.approve',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      before: { userId: input.userId, status: 'pending' },
      after: { userId: input.userId, status: 'active' },
      ip: input.ip ?? null,
    })
    return true
  })
}

/**
 * Removes a pending join request (the user may ask again later), with its audit row, in one
 * transaction. The caller has checked mayManageOrganisation. False when there is no such request.
 */
export async function declineJoinRequest(
  input: { organisationId: number; userId: number } & Actor,
): Promise<boolean> {
  return transaction(async (trx) => {
    const result = await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', input.organisationId)
      .where('user_id', '=', input.userId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0) return false
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'organisation.join.decline',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      before: { userId: input.userId, status: 'pending' },
      ip: input.ip ?? null,
    })
    return true
  })
}

/**
 * An owner edits the public description (plain text) and website (an http(s) URL, or null).
 * The caller has validated both and checked mayManageOrganisation; before and after are audited.
 */
export async function updateOrganisationProfile(
  id: number,
  input: { description: string; website: string | null },
  actor: Actor,
) {
  await transaction(async (trx) => {
    const before = await trx
      .selectFrom('organisations')
      .select(['description', 'website'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('organisations')
      .set({
        description: input.description,
        website: input.website,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'organisation.update',
      subjectType: 'organisation',
      subjectId: id,
      before,
      after: { description: input.description, website: input.website },
      ip: actor.ip ?? null,
    })
  })
}
