import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseId } from '~/forms/challenge'
import {
  apiError,
  apiMoved,
  findMergedTarget,
  getOpenChallenge,
  jsonAnswer,
} from '~/models/open-data.server'

/**
 * GET /api/v1/challenges/:id — hidden, pending, rejected and unknown are all the same 404; a
 * merged duplicate answers 301 to the challenge it joined, like its page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const challenge = id ? await getOpenChallenge(id) : undefined
  if (!challenge) {
    const target = id ? await findMergedTarget(id) : null
    if (target) return apiMoved(`/api/v1/challenges/${target}`)
    return apiError(404, 'No public challenge has this id.')
  }
  return jsonAnswer(request, { data: challenge })
}
