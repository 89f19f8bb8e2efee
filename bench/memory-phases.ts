/**
 * The server's resident memory after each phase of the bench's load on the 100k database, to
 * see which phase leaves memory behind (issue 11: RSS after the load). One server a run, the
 * phases in the bench's order: idle, anonymous pages, signed-in pages, vote toggles, /reports.
 * Printed, not asserted; runs differ by tens of MB with when V8 and malloc give memory back.
 *
 *   npx tsx bench/memory-phases.ts                 two runs
 *   npx tsx bench/memory-phases.ts --runs 4
 *   PAGE_CACHE=anonymous npx tsx bench/memory-phases.ts      the server's environment passes on
 *   MALLOC_ARENA_MAX=2 npx tsx bench/memory-phases.ts
 *
 * Needs `npm run build` first (SQLite's cache size is PAGE_CACHE_KIB in db/connection.ts:
 * change it and build again to compare). Works on a copy of the bench's cached database.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { cachedScaleDatabase, copyDatabase, createSessions, ensureVoters, voteTargets } from './db'
import { measureGet, measureVotes } from './load'
import { startProductionServer, stopChild, treeRss } from './procs'
import { measureReports, moderatorCookie } from './reports'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } })
const runs = Number(values.runs)
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a whole number from 1')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-memory-phases-'))
const { file: cached } = await cachedScaleDatabase(100_000, false, 30 * 60_000)
const file = path.join(tmp, 'large.sqlite')
copyDatabase(cached, file)
const secret = randomBytes(32).toString('hex')
const ids = ensureVoters(file, 200)
const sessions = await createSessions(file, ids, secret)
const cookies = ids.slice(0, 50).map((id) => sessions.get(id)!)
const voters = ids.map((id) => ({ id, cookie: sessions.get(id)! }))
const moderator = await moderatorCookie(file, secret)
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1)

try {
  for (let run = 1; run <= runs; run++) {
    const { server, origin } = await startProductionServer({
      databaseUrl: `file:${file}`,
      secret,
      logFile: path.join(tmp, 'server.log'),
    })
    try {
      const rss = () => mb(treeRss(server.child.pid!).bytes)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const phases = [`idle ${rss()}`]
      for (const p of ['/challenges', '/challenges/1', '/challenges?q=parkering', '/'])
        await measureGet(origin, p, 32, 10)
      phases.push(`anonymous ${rss()}`)
      for (const p of ['/challenges', '/challenges/1']) await measureGet(origin, p, 32, 10, cookies)
      phases.push(`signed in ${rss()}`)
      await measureVotes(origin, 32, 10, voters, voteTargets(file, 2000))
      phases.push(`votes ${rss()}`)
      await measureReports(origin, moderator)
      phases.push(`/reports ${rss()}`)
      console.log(`run ${run}, RSS in MB after each phase: ${phases.join(' → ')}`)
    } finally {
      await stopChild(server)
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}
