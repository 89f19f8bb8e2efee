import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseBoardQuery } from '~/forms/board'
import { UnknownFilter } from '~/models/board.server'
import {
  cachedAnswer,
  latestPublicChange,
  listFeedChallenges,
  renderAtomFeed,
} from '~/models/open-data.server'
import { getSettings } from '~/models/settings.server'
import { getRequestT } from '~/services/i18n.server'

const badRequest = (text: string) =>
  new Response(text, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })

/** GET /feed.xml: Atom feed of the newest public challenges, with the board's filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseBoardQuery(new URL(request.url))
  if (!parsed.success) return badRequest('Bad query: see /challenges for the filters.\n')
  const [{ t, locale }, settings] = await Promise.all([getRequestT(request), getSettings()])
  let entries
  try {
    entries = await listFeedChallenges(parsed.data)
  } catch (error) {
    if (error instanceof UnknownFilter) return badRequest('Unknown category or area.\n')
    throw error
  }
  // An empty feed is dated by the board's last public change (RFC 4287 wants a date).
  const latest = entries.length ? null : await latestPublicChange()
  const xml = renderAtomFeed({
    params: parsed.data,
    entries,
    locale,
    title: t('feed.title', { board: settings.boardName }),
    subtitle: t('feed.subtitle', { town: settings.townName }),
    author: settings.boardName,
    latestPublicChange: latest,
  })
  // The titles and category labels follow the reader's language.
  return cachedAnswer(request, xml, 'application/atom+xml; charset=utf-8', {
    Vary: 'Accept-Language, Cookie',
  })
}
