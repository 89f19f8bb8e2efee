import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { getRequestT } from '~/services/i18n.server'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

// Where a flag that hid a whole challenge lands: the challenge's page is gone for the flagger,
// so they are thanked here. The page names no post, so it reveals nothing to anyone.
export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  return json({ title: t('flagged.title') })
}

export default function Flagged() {
  const { t } = useTranslation()
  return (
    <article className="narrow">
      <h1>{t('flagged.title')}</h1>
      <p role="status">{t('flagged.body')}</p>
      <p>{t('flagged.next')}</p>
      <p>
        <Link to="/challenges">{t('flagged.back')}</Link>
      </p>
    </article>
  )
}
