import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { useTranslation } from '~/i18n-react'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'
import { useRootData } from '~/utils/root-data'
import { publicMeta } from '~/utils/meta'

export const meta = publicMeta()

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, settings] = await Promise.all([getRequestT(request), getSettings()])
  return json({
    title: t('privacy.title'),
    description: t('meta.privacy', { board: settings.boardName }),
  })
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
