// The server half of app/utils/policy.ts: loads what the pure rules need about a person (their
// active memberships) and answers with those rules. No rule is written here.
import { db } from '~/db.server'
import type { ActingActor, Actor } from '~/utils/policy'

async function activeMemberships(userId: number): Promise<ActingActor['memberships']> {
  const rows = await db
    .selectFrom('memberships')
    .select(['organisation_id', 'role'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute()
  return rows.map((r) => ({ organisationId: r.organisation_id, role: r.role }))
}

/** The organisations the user may act for (active memberships only). */
export async function actingOrganisationIds(userId: number): Promise<number[]> {
  return (await activeMemberships(userId)).map((m) => m.organisationId)
}

/** A person with their active memberships, as the organisation rules of the policy need them. */
export async function loadActor(actor: Actor): Promise<ActingActor> {
  return { id: actor.id, role: actor.role, memberships: await activeMemberships(actor.id) }
}

/**
 * Asks one rule of the policy about a signed-in user, loading their memberships first:
 * `await allows(user, mayManagePost, challenge)`. Code that asks several questions loads the
 * actor once with `loadActor` and calls the rules itself.
 */
export async function allows<A extends unknown[]>(
  user: Actor | ActingActor,
  rule: (actor: ActingActor, ...args: A) => boolean,
  ...args: A
): Promise<boolean> {
  const actor = 'memberships' in user ? user : await loadActor(user)
  return rule(actor, ...args)
}
