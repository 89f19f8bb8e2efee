import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { findSimilarChallenges } from '~/models/challenge-page.server'
import { getUser } from '~/services/session.server'

/**
 * Similar public challenges for the text being typed; public data, no personal fields beyond
 * whether the one asking wrote, voted for or follows each (so the list offers what applies).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, 1000)
  const user = await getUser(request)
  return json(
    { similar: await findSimilarChallenges(text, user?.id ?? null) },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
