import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { findSimilarChallenges } from '~/models/challenge-page.server'

/** Similar public challenges for the text being typed; public data, no personal fields. */
export async function loader({ request }: LoaderFunctionArgs) {
  const text = (new URL(request.url).searchParams.get('text') ?? '').slice(0, 1000)
  return json(
    { similar: await findSimilarChallenges(text) },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
