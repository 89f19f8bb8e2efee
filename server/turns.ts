import type { ServerResponse } from 'node:http'

/**
 * At most `limit` requests inside the app at once; the others wait their turn in the order
 * they came. On two cores, 32 pages rendered at once all finish late (a p99 of seconds) and
 * hold 32 pages' data in memory at the same time; taken in turn, each takes about its own
 * time plus the queue ahead of it.
 *
 * A turn ends when the response's headers go out: Remix answers once the page's loaders ran
 * and its shell rendered, so what remains is sending; a download then streams its body
 * without holding a turn. A request whose client left while it waited is skipped.
 */
export function createTurns(limit: number) {
  let active = 0
  const waiting: Array<() => void> = []

  function startNext() {
    while (active < limit && waiting.length > 0) {
      active++
      waiting.shift()!()
    }
  }

  function take(res: ServerResponse, run: () => void) {
    let released = false
    const release = () => {
      if (released) return
      released = true
      active--
      startNext()
    }
    waiting.push(() => {
      if (res.destroyed || res.writableEnded) return release()
      const writeHead = res.writeHead
      res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
        release()
        return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
      } as typeof res.writeHead
      res.once('close', release)
      run()
    })
    startNext()
  }

  return { take, stats: () => ({ active, waiting: waiting.length }) }
}
