import { json } from '@remix-run/node'
import { parseId } from '~/forms/challenge'
import { loadActor } from '~/models/policy.server'
import { requireUser } from '~/services/session.server'
import { maySeeHidden, type ActingActor } from '~/utils/policy'

/**
 * The post an edit page is about, if this person may edit it: 404 for an unknown id or a hidden
 * post they may not see (so its existence is not told), 403 when the policy says no.
 */
export async function requireEditable<Post extends { hidden_at: string | null }>(
  request: Request,
  rawId: string | undefined,
  find: (id: number) => Promise<Post | undefined>,
  mayEdit: (actor: ActingActor, post: Post) => boolean,
) {
  const user = await requireUser(request)
  const id = parseId(rawId)
  const post = id ? await find(id) : undefined
  if (!post || (post.hidden_at && !maySeeHidden(user))) throw json({}, { status: 404 })
  const actor = await loadActor(user)
  if (!mayEdit(actor, post)) throw json({}, { status: 403 })
  return { user, actor, post }
}
