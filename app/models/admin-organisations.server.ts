import { sql } from 'kysely'
import type { MembershipRole, MembershipStatus, OrganisationKind } from '#db/schema'
import { db, transaction, type Executor } from '~/db.server'
import { ADMIN_LIST_LIMIT, type AdminActor } from '~/models/admin-constants'
import { recordAudit } from '~/models/audit.server'
import { searchOrganisations } from '~/models/organisation-profile.server'
import { forUpdate } from '~/models/dialect.server'

// Every write here is one transaction with its audit row: the change and the record of it
// land together or not at all. A write that would change nothing writes nothing.

/** Organisations for the admin list, with their active member count; at most ADMIN_LIST_LIMIT. */
export async function listOrganisationsForAdmin(query: { q?: string; kind?: OrganisationKind }) {
  const qb = db.selectFrom('organisations').select((eb) => [
    'organisations.id',
    'organisations.slug',
    'organisations.name',
    'organisations.kind',
    'organisations.verified_at',
    'organisations.created_at',
    eb
      .selectFrom('memberships')
      .select((m) => m.fn.countAll<number>().as('n'))
      .whereRef('memberships.organisation_id', '=', 'organisations.id')
      .where('memberships.status', '=', 'active')
      .as('member_count'),
  ])
  const rows = await searchOrganisations(qb, query)
    .limit(ADMIN_LIST_LIMIT + 1)
    .execute()
  return {
    items: rows
      .slice(0, ADMIN_LIST_LIMIT)
      .map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) })),
    more: rows.length > ADMIN_LIST_LIMIT,
  }
}

/** Every organisation by name, for the merge form's two lists. */
export async function listOrganisationChoices() {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'slug'])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()
}

export type VerifyResult = 'ok' | 'notFound' | 'notMunicipality'

/** Marks a municipal department as verified (or no longer). Only municipality organisations. */
export async function setOrganisationVerified(
  id: number,
  verified: boolean,
  actor: AdminActor,
): Promise<VerifyResult> {
  return transaction(async (trx) => {
    const current = await forUpdate(
      trx.selectFrom('organisations').select(['kind', 'verified_at']).where('id', '=', id),
    ).executeTakeFirst()
    if (!current) return 'notFound'
    if (current.kind !== 'municipality') return 'notMunicipality'
    if ((current.verified_at !== null) === verified) return 'ok'
    const at = new Date().toISOString()
    const verifiedAt = verified ? at : null
    await trx
      .updateTable('organisations')
      .set({ verified_at: verifiedAt, updated_at: at })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: `admin.organisation.${verified ? 'verify' : 'unverify'}`,
      subjectType: 'organisation',
      subjectId: id,
      before: { verified_at: current.verified_at },
      after: { verified_at: verifiedAt },
      ip: actor.ip,
    })
    return 'ok'
  })
}

const ROLE_RANK: Record<MembershipRole, number> = { member: 0, owner: 1 }
const STATUS_RANK: Record<MembershipStatus, number> = { pending: 0, active: 1 }

export type MergeResult =
  { ok: true; moved: Record<string, number> } | { ok: false; reason: 'notFound' | 'same' }

/**
 * Folds a duplicate organisation into another: its members join the other (a person in both
 * keeps the higher role and the active status), its challenges, solutions, pledges, credits,
 * routed challenges and official responses move, and the duplicate is deleted. One transaction.
 */
export async function mergeOrganisations(
  fromId: number,
  intoId: number,
  actor: AdminActor,
): Promise<MergeResult> {
  if (fromId === intoId) return { ok: false, reason: 'same' }
  return transaction(async (trx) => {
    // Locked (in id order): a second merge of the same organisation waits, then finds it gone.
    const locked = await forUpdate(
      trx.selectFrom('organisations').selectAll().where('id', 'in', [fromId, intoId]).orderBy('id'),
    ).execute()
    const from = locked.find((o) => o.id === fromId)
    const into = locked.find((o) => o.id === intoId)
    if (!from || !into) return { ok: false as const, reason: 'notFound' as const }

    const moved: Record<string, number> = {}
    moved.memberships = await moveMemberships(trx, fromId, intoId)
    moved.challenge_solvers = await moveCredits(trx, fromId, intoId)
    const count = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows)
    for (const table of ['challenges', 'solutions', 'pledges', 'official_responses'] as const) {
      // Each table has organisation_id; typed as one of them to share the statement.
      moved[table] = count(
        await trx
          .updateTable(table as 'solutions')
          .set({ organisation_id: intoId })
          .where('organisation_id', '=', fromId)
          .executeTakeFirst(),
      )
    }
    moved.routed_challenges = count(
      await trx
        .updateTable('challenges')
        .set({ department_id: intoId })
        .where('department_id', '=', fromId)
        .executeTakeFirst(),
    )

    await trx.deleteFrom('organisations').where('id', '=', fromId).execute()
    await recordAudit(trx, {
      actorId: actor.actorId,
      action: 'admin.organisation.merge',
      subjectType: 'organisation',
      subjectId: intoId,
      before: {
        from: pick(from),
        into: pick(into),
      },
      after: { into: pick(into), deleted: fromId, moved },
      ip: actor.ip,
    })
    return { ok: true as const, moved }
  })
}

const pick = (o: {
  id: number
  slug: string
  name: string
  kind: string
  description: string
  website: string | null
  verified_at: string | null
}) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  description: o.description,
  website: o.website,
  verified_at: o.verified_at,
})

async function moveMemberships(trx: Executor, fromId: number, intoId: number) {
  const [fromRows, intoRows] = await Promise.all(
    [fromId, intoId].map((id) =>
      trx
        .selectFrom('memberships')
        .select(['user_id', 'role', 'status'])
        .where('organisation_id', '=', id)
        .execute(),
    ),
  )
  const existing = new Map(intoRows!.map((r) => [r.user_id, r]))
  for (const row of fromRows!) {
    const there = existing.get(row.user_id)
    if (!there) {
      await trx
        .updateTable('memberships')
        .set({ organisation_id: intoId })
        .where('organisation_id', '=', fromId)
        .where('user_id', '=', row.user_id)
        .execute()
      continue
    }
    const role = ROLE_RANK[row.role] > ROLE_RANK[there.role] ? row.role : there.role
    const status = STATUS_RANK[row.status] > STATUS_RANK[there.status] ? row.status : there.status
    if (role !== there.role || status !== there.status) {
      await trx
        .updateTable('memberships')
        .set({ role, status })
        .where('organisation_id', '=', intoId)
        .where('user_id', '=', row.user_id)
        .execute()
    }
    await trx
      .deleteFrom('memberships')
      .where('organisation_id', '=', fromId)
      .where('user_id', '=', row.user_id)
      .execute()
  }
  return fromRows!.length
}

/** Credits move; one the other organisation already has for the same solution is dropped. */
async function moveCredits(trx: Executor, fromId: number, intoId: number) {
  const [fromRows, intoRows] = await Promise.all(
    [fromId, intoId].map((id) =>
      trx
        .selectFrom('challenge_solvers')
        .select(['id', 'challenge_id', 'solution_id'])
        .where('organisation_id', '=', id)
        .execute(),
    ),
  )
  const key = (r: { challenge_id: number; solution_id: number | null }) =>
    `${r.challenge_id}:${r.solution_id ?? ''}`
  const credited = new Set(intoRows!.map(key))
  const duplicates = fromRows!.filter((r) => credited.has(key(r))).map((r) => r.id)
  if (duplicates.length) {
    await trx.deleteFrom('challenge_solvers').where('id', 'in', duplicates).execute()
  }
  await trx
    .updateTable('challenge_solvers')
    .set({ organisation_id: intoId })
    .where('organisation_id', '=', fromId)
    .execute()
  return fromRows!.length
}
