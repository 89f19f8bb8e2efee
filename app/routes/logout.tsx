import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { destroySession, getSession } from '~/services/session.server'

// Signing out changes state, so only POST does it; a GET just goes home.
export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(session) } })
}
