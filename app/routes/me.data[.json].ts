import type { LoaderFunctionArgs } from '@remix-run/node'
import { collectPersonalData } from '~/models/personal-data.server'
import { log } from '~/services/log.server'
import { requireUser } from '~/services/session.server'

/** GET /me/data.json: everything stored about the signed-in user, as a file to keep. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const now = new Date()
  const data = await collectPersonalData(user.id, now)
  if (!data) throw new Response('Not found', { status: 404 })
  log.info('personal_data_export', { userId: user.id })
  const day = now.toISOString().slice(0, 10)
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="utmana-my-data-${day}.json"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
