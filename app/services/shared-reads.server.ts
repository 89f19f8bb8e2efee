import { databaseVersion } from '~/db.server'

/**
 * Reads whose answer is the same for every reader, signed in or not (a page of the board),
 * kept until the database changes, so that members browsing the board do not each run the
 * same queries. The anonymous page cache (server/page-cache.ts) keeps whole pages, but only for
 * visitors without a session; this keeps the data under a signed-in page.
 *
 * - An entry is used only while the database version it was read at still holds (see
 *   databaseVersion: any commit, by this process or another, moves it on). A write during a
 *   load stores the entry under the older version, so the next read loads again.
 * - Readers that ask while a load is under way share it; a failed load is not kept.
 * - At most `maxEntries` (the least recently used go first: a search box makes keys without
 *   end) and each for at most `maxAgeMs`, for what the data leaves to the clock.
 * - Values are frozen: one request changing what it was given would change it for the next.
 */
export function createSharedReads(options: {
  version: () => string | Promise<string>
  maxEntries: number
  maxAgeMs: number
  now?: () => number
}) {
  const now = options.now ?? Date.now
  const entries = new Map<string, { version: string; at: number; value: Promise<unknown> }>()

  function readAt<T>(key: string, version: string, load: () => Promise<T>): Promise<T> {
    const at = now()
    const kept = entries.get(key)
    entries.delete(key)
    if (kept && kept.version === version && at - kept.at < options.maxAgeMs) {
      // Back to the end: the Map's order is the order of use, so the oldest used goes first.
      entries.set(key, kept)
      return kept.value as Promise<T>
    }
    if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!)
    const value = load().then(deepFreeze)
    const entry = { version, at, value }
    entries.set(key, entry)
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key)
    })
    return value
  }

  return {
    read<T>(key: string, load: () => Promise<T>): Promise<T> {
      const version = options.version()
      // SQLite answers at once; PostgreSQL after a round trip.
      return version instanceof Promise
        ? version.then((answer) => readAt(key, answer, load))
        : readAt(key, version, load)
    },
    get size() {
      return entries.size
    },
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

// A board page's data is some 30 KB in memory, a map's (up to 500 points) about as much: 200
// entries, a few MB at most.
export const sharedReads = createSharedReads({
  version: databaseVersion,
  maxEntries: 200,
  maxAgeMs: 30_000,
})
