import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseBoardQuery } from '~/forms/board'
import { UnknownFilter } from '~/models/board.server'
import { apiError, jsonAnswer, listOpenChallenges, parsePerPage } from '~/models/open-data.server'

/** Why a query was refused, naming the parameter (the values allowed are in docs/api.md). */
function queryProblem(parsed: ReturnType<typeof parseBoardQuery>): string {
  if (!('error' in parsed) || !parsed.error) return 'A query parameter was given more than once.'
  const name = parsed.error.issues[0]?.path[0]
  return name ? `Invalid value for "${String(name)}".` : 'Invalid query.'
}

/** GET /api/v1/challenges: one page of public challenges, public fields only (DESIGN.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const parsed = parseBoardQuery(url)
  if (!parsed.success) return apiError(400, queryProblem(parsed))
  const perPage = parsePerPage(url)
  if (perPage === null)
    return apiError(400, 'Invalid value for "per_page": an integer from 1 to 100.')
  try {
    return jsonAnswer(request, await listOpenChallenges(parsed.data, perPage))
  } catch (error) {
    if (error instanceof UnknownFilter) return apiError(400, 'Unknown category or area.')
    throw error
  }
}
