import type { Role } from '#db/schema'
import { db } from '~/db.server'

export interface Actor {
  id: number
  role: Role
}

export const isModerator = (actor: Actor | null | undefined) =>
  actor?.role === 'moderator' || actor?.role === 'admin'

/** The organisations the user may act for (active memberships only). */
export async function actingOrganisationIds(userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute()
  return rows.map((r) => r.organisation_id)
}

export async function canActFor(userId: number, organisationId: number): Promise<boolean> {
  return (await actingOrganisationIds(userId)).includes(organisationId)
}

/**
 * Own posts, posts made for an organisation the user belongs to, and anything for moderators:
 * DESIGN.md's "edit or withdraw own posts" row.
 */
export async function canManagePost(
  actor: Actor,
  post: { author_id: number | null; organisation_id: number | null },
): Promise<boolean> {
  if (isModerator(actor)) return true
  if (post.author_id === actor.id) return true
  return post.organisation_id !== null && (await canActFor(actor.id, post.organisation_id))
}

/** Whether a viewer may see a challenge at all: hidden, pending and rejected ones only by their author and moderators. */
export function canSeeChallenge(
  challenge: { author_id: number | null; hidden_at: string | null; status: string },
  viewer: Actor | null,
): boolean {
  if (isModerator(viewer)) return true
  const own = viewer !== null && challenge.author_id === viewer.id
  if (challenge.hidden_at && !own) return false
  if ((challenge.status === 'pending' || challenge.status === 'rejected') && !own) return false
  return true
}
