import { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createTurns } from '../../server/turns'

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

describe('turns', () => {
  it('lets `limit` requests in at once and the others in the order they came', () => {
    const turns = createTurns(2)
    const started: number[] = []
    const responses = [0, 1, 2, 3].map(() => response())
    responses.forEach((res, i) => turns.take(res, () => started.push(i)))
    expect(started).toEqual([0, 1])
    expect(turns.stats()).toEqual({ active: 2, waiting: 2 })
    responses[1]!.writeHead(200)
    expect(started).toEqual([0, 1, 2])
    // Closing after the headers went out does not hand out a second turn.
    responses[1]!.emit('close')
    expect(started).toEqual([0, 1, 2])
    responses[0]!.emit('close')
    expect(started).toEqual([0, 1, 2, 3])
  })

  it('skips a request whose client left while it waited', () => {
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
    expect(started).toEqual(['first', 'last'])
    expect(turns.stats()).toEqual({ active: 1, waiting: 0 })
  })
})
