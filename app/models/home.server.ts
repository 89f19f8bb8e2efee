import { listTrending } from '~/models/challenge.server'
import { cardPhotos, toCard } from '~/models/challenge-card.server'
import { listNewlySolved } from '~/models/stats.server'
import { sharedReads } from '~/services/shared-reads.server'

/**
 * The home page's lists: the trending challenges as cards and the newest solved ones. The same
 * for every reader, so kept until the next write (shared-reads.server.ts).
 */
export function getHomeLists(locale: string) {
  return sharedReads.read(JSON.stringify(['home', locale]), async () => {
    const [trending, solved] = await Promise.all([listTrending(6), listNewlySolved()])
    const photos = await cardPhotos(trending.map((c) => c.id))
    return {
      trending: trending.map((item) => toCard(item, locale, photos.get(item.id))),
      solved,
    }
  })
}
