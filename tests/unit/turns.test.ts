import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createRequestTurns, createTurns } from '../../server/turns'

/** Just what a turn watches of a response: its headers going out, and its close. */
function response() {
  const res = new EventEmitter() as EventEmitter & {
    destroyed: boolean
    writableEnded: boolean
    writeHead: () => unknown
  }
  res.destroyed = false
  res.writableEnded = false
  res.writeHead = () => res
  return res as unknown as ServerResponse & { destroyed: boolean }
}

/** After the callbacks already queued in the event loop (what a freed turn waits for). */
const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('turns', () => {
  it('lets `limit` requests in at once and the others in the order they came', async () => {
    const turns = createTurns(2)
    const started: number[] = []
    const responses = [0, 1, 2, 3].map(() => response())
    responses.forEach((res, i) => turns.take(res, () => started.push(i)))
    expect(started).toEqual([0, 1])
    expect(turns.stats()).toEqual({ active: 2, waiting: 2 })
    responses[1]!.writeHead(200)
    await nextLoopTurn()
    expect(started).toEqual([0, 1, 2])
    // Closing after the headers went out does not hand out a second turn.
    responses[1]!.emit('close')
    await nextLoopTurn()
    expect(started).toEqual([0, 1, 2])
    responses[0]!.emit('close')
    await nextLoopTurn()
    expect(started).toEqual([0, 1, 2, 3])
  })

  it('skips a request whose client left while it waited', async () => {
    const turns = createTurns(1)
    const started: string[] = []
    const first = response()
    const gone = response()
    const last = response()
    turns.take(first, () => started.push('first'))
    turns.take(gone, () => started.push('gone'))
    turns.take(last, () => started.push('last'))
    gone.destroyed = true
    first.writeHead(200)
    await nextLoopTurn()
    await nextLoopTurn()
    expect(started).toEqual(['first', 'last'])
    expect(turns.stats()).toEqual({ active: 1, waiting: 0 })
  })

  it('starts a freed turn in an event-loop turn of its own, so sockets are read between pages', async () => {
    const turns = createTurns(1)
    const events: string[] = []
    const first = response()
    const second = response()
    turns.take(first, () => events.push('first starts'))
    turns.take(second, () => events.push('second starts'))
    // What the event loop had queued when the turn was freed (a socket's data, say) runs first.
    setImmediate(() => events.push('queued I/O'))
    first.writeHead(200)
    events.push('first sent its headers')
    await nextLoopTurn()
    expect(events).toEqual([
      'first starts',
      'first sent its headers',
      'queued I/O',
      'second starts',
    ])
  })
})

describe('request turns: page reads and writes queue apart', () => {
  const request = (method: string) => ({ method }) as IncomingMessage

  it('lets a write in while the page reads wait, and a page in while the writes wait', async () => {
    const turns = createRequestTurns({ reads: 1, writes: 1 })
    const started: string[] = []
    const upload = response()
    // A photo upload holds the one write turn (its processing runs off the main thread)…
    turns.take(request('POST'), upload, () => started.push('upload'))
    turns.take(request('POST'), response(), () => started.push('vote'))
    // …and pages still get theirs; HEAD counts as a read.
    const board = response()
    turns.take(request('GET'), board, () => started.push('board'))
    turns.take(request('HEAD'), response(), () => started.push('head'))
    expect(started).toEqual(['upload', 'board'])
    expect(turns.stats()).toEqual({
      reads: { active: 1, waiting: 1 },
      writes: { active: 1, waiting: 1 },
    })
    board.writeHead(200)
    await nextLoopTurn()
    expect(started).toEqual(['upload', 'board', 'head'])
    upload.writeHead(303)
    await nextLoopTurn()
    expect(started).toEqual(['upload', 'board', 'head', 'vote'])
  })
})
