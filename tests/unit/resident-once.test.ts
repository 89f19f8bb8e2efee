// The benchmark's memory of several processes together (bench/procs.ts, residentOnce): each
// physical page counted once, so two node processes sharing the node binary's pages are not
// charged for them twice, as adding up their VmRSS does.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { residentOnce, treeRss } from '../../bench/procs'

const MB = 2 ** 20
let child: ReturnType<typeof spawn>

beforeAll(async () => {
  // A second node process holding 40 MB of its own, beside this one.
  child = spawn(process.execPath, [
    '-e',
    'globalThis.kept = Buffer.alloc(40 * 1024 * 1024, 1); console.log("ready"); setInterval(() => {}, 1000)',
  ])
  await once(child.stdout!, 'data')
})

afterAll(() => {
  child?.kill()
})

describe('residentOnce', () => {
  const root = process.getuid?.() === 0

  it('counts a process alone as its resident set, and two processes’ shared pages once', () => {
    const self = treeRss(process.pid).bytes - treeRss(child.pid!).bytes
    const other = treeRss(child.pid!).bytes
    const alone = residentOnce([child.pid!])
    const both = residentOnce([process.pid, child.pid!])
    if (!root) {
      // Without root the kernel hides frame numbers: no figure rather than a wrong one.
      expect(alone).toBeNull()
      return
    }
    expect(Math.abs(alone! - other)).toBeLessThan(0.1 * other)
    expect(alone!).toBeGreaterThan(40 * MB)
    // The same process twice is itself once.
    expect(residentOnce([child.pid!, child.pid!])).toBe(residentOnce([child.pid!]))
    // Together less than the sum (the node binary's pages are shared), more than either.
    expect(both!).toBeLessThan(self + other - 10 * MB)
    expect(both!).toBeGreaterThan(Math.max(self, other))
  })
})
