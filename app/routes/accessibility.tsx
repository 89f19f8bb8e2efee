import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { TextPage } from '~/components/TextPage'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta()

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, settings] = await Promise.all([getRequestT(request), getSettings()])
  return json({
    title: t('accessibility.title'),
    description: t('meta.accessibility', { board: settings.boardName }),
  })
}

export default function Page() {
  return <TextPage name="accessibility" />
}
