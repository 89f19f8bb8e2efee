import { describe, expect, it } from 'vitest'
import { createSharedReads } from '~/services/shared-reads.server'

/** Shared reads over a version and a clock the test moves by hand, counting the loads. */
function setting(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  const state = { version: 'v1', now: 0, loads: 0, async: false }
  const reads = createSharedReads({
    version: () => (state.async ? Promise.resolve(state.version) : state.version),
    now: () => state.now,
    maxEntries: options.maxEntries ?? 10,
    maxAgeMs: options.maxAgeMs ?? 30_000,
  })
  const read = (key: string) =>
    reads.read(key, async () => ({ key, load: ++state.loads, items: [{ votes: 1 }] }))
  return { state, reads, read }
}

describe('shared reads', () => {
  it('loads once while the database version holds, and again after it moved', async () => {
    const { state, read } = setting()
    const first = await read('board')
    expect(await read('board')).toBe(first)
    expect(state.loads).toBe(1)
    state.version = 'v2'
    const after = await read('board')
    expect(after.load).toBe(2)
    expect(await read('board')).toBe(after)
  })

  it('keeps keys apart', async () => {
    const { read } = setting()
    expect((await read('sv')).key).toBe('sv')
    expect((await read('en')).key).toBe('en')
  })

  it('lets readers that come during a load share it', async () => {
    const { state, read } = setting()
    const [a, b, c] = await Promise.all([read('board'), read('board'), read('board')])
    expect(state.loads).toBe(1)
    expect(b).toBe(a)
    expect(c).toBe(a)
  })

  it('does not hand a load begun before a write to a reader after it', async () => {
    const { state, reads } = setting()
    let finish: (value: string) => void = () => {}
    const before = reads.read('board', () => new Promise<string>((resolve) => (finish = resolve)))
    state.version = 'v2'
    const after = reads.read('board', async () => 'after the write')
    finish('before the write')
    expect(await before).toBe('before the write')
    expect(await after).toBe('after the write')
  })

  it('takes a version that comes later (PostgreSQL asks the server)', async () => {
    const { state, read } = setting()
    state.async = true
    const [a, b] = await Promise.all([read('board'), read('board')])
    expect(b).toBe(a)
    expect(await read('board')).toBe(a)
    state.version = 'v2'
    expect((await read('board')).load).toBe(2)
  })

  it('does not keep a failed load', async () => {
    const { reads } = setting()
    await expect(reads.read('board', () => Promise.reject(new Error('locked')))).rejects.toThrow(
      'locked',
    )
    expect(await reads.read('board', async () => 'loaded')).toBe('loaded')
  })

  it('loads again when an entry is older than its age limit', async () => {
    const { state, read } = setting({ maxAgeMs: 1000 })
    await read('board')
    state.now = 999
    await read('board')
    expect(state.loads).toBe(1)
    state.now = 1000
    await read('board')
    expect(state.loads).toBe(2)
  })

  it('keeps at most maxEntries, dropping the one used longest ago', async () => {
    const { state, reads, read } = setting({ maxEntries: 3 })
    for (const q of ['a', 'b', 'c']) await read(q)
    await read('a') // used again: now b is the one used longest ago
    await read('d')
    expect(reads.size).toBe(3)
    expect(state.loads).toBe(4)
    await read('a')
    expect(state.loads).toBe(4)
    await read('b')
    expect(state.loads).toBe(5)
  })

  it('hands out frozen values, so no request changes what the next one gets', async () => {
    const { read } = setting()
    const page = await read('board')
    expect(() => {
      ;(page.items[0] as { votes: number }).votes = 2
    }).toThrow(TypeError)
    expect((await read('board')).items[0]!.votes).toBe(1)
  })
})
