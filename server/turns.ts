import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * At most `limit` requests inside the app at once; the others wait their turn in the order
 * they came. On two cores, 32 pages rendered at once all finish late (a p99 of seconds) and
 * hold 32 pages' data in memory at the same time; taken in turn, each takes about its own
 * time plus the queue ahead of it.
 *
 * A turn ends when the response's headers go out: Remix answers once the page's loaders ran
 * and its shell rendered, so what remains is sending; a download then streams its body
 * without holding a turn. A request whose client left while it waited is skipped.
 *
 * Each turn starts in an event-loop turn of its own (`setImmediate`), never inside the
 * previous response's `writeHead`: started there, the whole queue ran in one stretch of
 * microtasks, the server read no socket until it was empty, and requests that arrived
 * meanwhile queued in socket order behind the next stretch. A signed-in page's p99 was then
 * 4–5× its median at 32 connections; started apart, two at a time, 1.3–1.5× (issue 11,
 * docs/decisions.md).
 */
export function createTurns(limit: number) {
  let active = 0
  const waiting: Array<() => void> = []

  /** `later`: from a release, so the next turn starts after the server has read its sockets. */
  function startNext(later: boolean) {
    while (active < limit && waiting.length > 0) {
      active++
      const start = waiting.shift()!
      if (later) setImmediate(start)
      else start()
    }
  }

  function take(res: ServerResponse, run: () => void) {
    let released = false
    const release = () => {
      if (released) return
      released = true
      active--
      startNext(true)
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
    startNext(false)
  }

  return { take, stats: () => ({ active, waiting: waiting.length }) }
}

/**
 * Page reads (GET, HEAD) and writes wait in queues of their own: a write that waits for a
 * thread (a photo's processing, a password hash) holds a write's turn, never a page's.
 */
export function createRequestTurns(limits: { reads: number; writes: number }) {
  const reads = createTurns(limits.reads)
  const writes = createTurns(limits.writes)
  return {
    take(req: IncomingMessage, res: ServerResponse, run: () => void) {
      const queue = req.method === 'GET' || req.method === 'HEAD' ? reads : writes
      queue.take(res, run)
    },
    stats: () => ({ reads: reads.stats(), writes: writes.stats() }),
  }
}
