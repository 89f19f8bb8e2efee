// Superseded by the policy (app/utils/policy.ts and app/models/policy.server.ts). Kept only for
// the modules still being reworked under issue 11 (app/actions/challenge.server.ts and
// app/routes/challenges.$id.tsx); delete it once they import the policy. Every function here
// answers through the policy's rules.
import { actingOrganisationIds, allows } from '~/models/policy.server'
import { isStaff, mayActFor, mayManagePost, maySeeChallenge, type Actor } from '~/utils/policy'

export type { Actor }
export { actingOrganisationIds }

/** @deprecated use `isStaff` / `mayModerate` from ~/utils/policy */
export const isModerator = (actor: Actor | null | undefined) => isStaff(actor)

/** @deprecated use `allows(user, mayActFor, organisationId)` */
export async function canActFor(userId: number, organisationId: number): Promise<boolean> {
  return allows({ id: userId, role: 'member' }, mayActFor, organisationId)
}

/** @deprecated use `allows(user, mayManagePost, post)` */
export async function canManagePost(
  actor: Actor,
  post: { author_id: number | null; organisation_id: number | null },
): Promise<boolean> {
  return allows(actor, mayManagePost, post)
}

/** @deprecated use `maySeeChallenge(viewer, challenge)` */
export function canSeeChallenge(
  challenge: { author_id: number | null; hidden_at: string | null; status: string },
  viewer: Actor | null,
): boolean {
  return maySeeChallenge(viewer, challenge)
}
