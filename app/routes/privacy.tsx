import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { getRequestT } from '~/services/i18n.server'
import { useRootData } from '~/utils/root-data'
import { titleMeta } from '~/utils/meta'

export const meta = titleMeta

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getRequestT(request)
  return json({ title: t('privacy.title') })
}

const SECTIONS = ['stored', 'why', 'retention', 'access', 'rights', 'contact'] as const

/** What is stored, why, for how long, who sees it and how to use one's rights. */
export default function Privacy() {
  const { t } = useTranslation()
  const board = useRootData()?.board
  const values = { board: board?.name ?? 'Utmana', contact: board?.contact ?? '' }
  const paragraphs = (key: string) =>
    t(key, { ...values, returnObjects: true }) as unknown as string[]
  return (
    <article className="narrow prose">
      <h1>{t('privacy.title')}</h1>
      {paragraphs('privacy.body').map((p) => (
        <p key={p}>{p}</p>
      ))}
      {SECTIONS.map((name) => (
        <section key={name} aria-labelledby={`privacy-${name}`}>
          <h2 id={`privacy-${name}`}>{t(`privacy.sections.${name}.title`)}</h2>
          {paragraphs(`privacy.sections.${name}.body`).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <p>
        <Link to="/me/data">{t('privacy.toMyData')}</Link>
      </p>
    </article>
  )
}
