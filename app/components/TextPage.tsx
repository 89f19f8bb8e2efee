import { useTranslation } from '~/i18n-react'
import { useRootData } from '~/utils/root-data'

/** About, Privacy, Accessibility: a title and paragraphs from the translations. */
export function TextPage({ name }: { name: 'about' | 'privacy' | 'accessibility' }) {
  const { t } = useTranslation()
  const board = useRootData()?.board
  const values = {
    board: board?.name ?? 'Utmana',
    contact: board?.contact ?? '',
    town: board?.town ?? '',
  }
  const paragraphs = t(`${name}.body`, { ...values, returnObjects: true }) as unknown as string[]
  return (
    <article className="narrow prose">
      <h1>{t(`${name}.title`)}</h1>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </article>
  )
}
