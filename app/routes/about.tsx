import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { TextPage } from '~/components/TextPage'
import { getRequestT } from '~/services/i18n.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  return json({ title: t('about.title') })
}

export default function Page() {
  return <TextPage name="about" />
}
