import type { MetaFunction } from '@remix-run/node'

interface TitledData {
  title?: string
}
interface RootMatchData {
  board?: { name: string }
}

/** `meta` for a route whose loader returns a translated `title`: "Title – Board name". */
export const titleMeta: MetaFunction = ({ data, matches }) => {
  const board =
    (matches.find((m) => m.id === 'root')?.data as RootMatchData | undefined)?.board?.name ??
    'Utmana'
  const title = (data as TitledData | undefined)?.title
  return [{ title: title ? `${title} – ${board}` : board }]
}
