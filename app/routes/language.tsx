import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { setUserLocale } from '~/models/user.server'
import { localeCookie } from '~/services/i18n.server'
import { safeRedirect } from '~/services/redirect'
import { getUserId } from '~/services/session.server'

export async function loader() {
  return redirect('/')
}

/** Remembers the chosen language in a cookie (and on the account, for mail) and goes back. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lng = form.get('lng')
  const back = safeRedirect(form.get('redirectTo'))
  if (!isLocale(lng)) return redirect(back)
  const userId = await getUserId(request)
  if (userId !== null) await setUserLocale(userId, lng)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookie.serialize(lng) } })
}
