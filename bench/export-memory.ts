/**
 * Memory of the streamed exports (issue 5): seeds databases of N challenges (the demo town plus
 * the scale seed), starts the production server on each (127.0.0.1), downloads
 * /reports/export.csv (as a moderator) and /open-data/challenges.json and .csv, and samples the
 * server process's resident memory every 10 ms. Flat streaming means the growth during a
 * download does not grow with N. Printed, not asserted.
 *
 *   npx tsx bench/export-memory.ts                       N = 2,000 and 20,000
 *   npx tsx bench/export-memory.ts --sizes 1000,5000     other sizes
 *   … --slow                                             also a slow reader (~2 MB/s) at the largest N
 *
 * Needs `npm run build` first. Every child process is stopped by its PID at the end.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { createSessions, seedDatabase } from './db'
import { startProductionServer, stopAllChildren, stopChild } from './procs'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,20000' },
    slow: { type: 'boolean', default: false },
  },
})
const sizes = values.sizes!.split(',').map(Number)
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: whole numbers')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-export-memory-'))
const MB = 1024 * 1024

/** Resident memory (kB → bytes) of the biggest process in the server's process group. */
function serverRss(groupId: number): number {
  let best = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== groupId) continue // pgrp
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      best = Math.max(best, kb * 1024)
    } catch {
      /* gone meanwhile */
    }
  }
  return best
}

interface Download {
  bytes: number
  ms: number
  status: number
  chunked: boolean
}

function download(url: string, cookie: string | null, slow: boolean): Promise<Download> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: cookie ? { Cookie: cookie } : {} }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (slow) {
          // ~2 MB/s: 64 KB, then a 32 ms pause.
          res.pause()
          setTimeout(() => res.resume(), 32)
        }
      })
      res.on('end', () =>
        resolve({
          bytes,
          ms: Date.now() - started,
          status: res.statusCode ?? 0,
          chunked: res.headers['transfer-encoding'] === 'chunked',
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
  })
}

async function measure(groupId: number, url: string, cookie: string | null, slow = false) {
  // Settle, then take the baseline as the lowest of a few samples.
  await new Promise((r) => setTimeout(r, 300))
  let baseline = Infinity
  for (let i = 0; i < 5; i++) {
    baseline = Math.min(baseline, serverRss(groupId))
    await new Promise((r) => setTimeout(r, 20))
  }
  let peak = baseline
  const timer = setInterval(() => (peak = Math.max(peak, serverRss(groupId))), 10)
  try {
    const result = await download(url, cookie, slow)
    return { ...result, baseline, peak }
  } finally {
    clearInterval(timer)
  }
}

function moderatorId(file: string): number {
  const db = new SQLite(file, { readonly: true })
  try {
    return db
      .prepare(`select id from users where role in ('moderator', 'admin') limit 1`)
      .pluck()
      .get() as number
  } finally {
    db.close()
  }
}

async function run() {
  const rows: string[] = []
  const say = (line: string) => console.log(line)
  const today = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.now() - 1829 * 86_400_000).toISOString().slice(0, 10)
  for (const n of sizes) {
    const file = path.join(tmp, `n${n}.sqlite`)
    say(`seeding demo town + ${n} challenges…`)
    const seconds = await seedDatabase(
      file,
      ['--scale', String(n)],
      `scale ${n}`,
      Math.max(180_000, n * 10),
    )
    say(`  seeded in ${seconds.toFixed(1)} s`)
    const secret = randomBytes(32).toString('hex')
    const cookie = (await createSessions(file, [moderatorId(file)], secret)).values().next().value!
    const { server, origin } = await startProductionServer({
      databaseUrl: `file:${file}`,
      secret,
      logFile: path.join(tmp, `server-${n}.log`),
    })
    try {
      const targets: Array<[string, string, string | null, boolean]> = [
        ['report CSV', `/reports/export.csv?from=${from}&to=${today}`, cookie, false],
        ['open data JSON', '/open-data/challenges.json', null, false],
        ['open data CSV', '/open-data/challenges.csv', null, false],
      ]
      if (values.slow && n === Math.max(...sizes)) {
        targets.push([
          'report CSV, slow reader',
          `/reports/export.csv?from=${from}&to=${today}`,
          cookie,
          true,
        ])
        targets.push(['open data JSON, slow reader', '/open-data/challenges.json', null, true])
      }
      // Warm up: the first request loads the route modules and i18n.
      for (const [, url, c] of targets) await download(origin + url, c, false)
      for (const [label, url, c, slow] of targets) {
        const m = await measure(server.pid, origin + url, c, slow)
        if (m.status !== 200) throw new Error(`${label}: status ${m.status}`)
        const line = `| ${n.toLocaleString('en')} | ${label} | ${(m.bytes / MB).toFixed(1)} MB | ${m.ms} ms | ${m.chunked ? 'yes' : 'no'} | ${(m.baseline / MB).toFixed(0)} MB | ${(m.peak / MB).toFixed(0)} MB | +${((m.peak - m.baseline) / MB).toFixed(1)} MB |`
        rows.push(line)
        say(line)
      }
    } finally {
      await stopChild(server)
    }
  }
  console.log(
    '\n| challenges | download | size | time | chunked | RSS before | RSS peak | growth |',
  )
  console.log('| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: |')
  for (const row of rows) console.log(row)
}

run()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(async () => {
    await stopAllChildren()
    if (process.exitCode) console.error(`logs kept in ${tmp}`)
    else fs.rmSync(tmp, { recursive: true, force: true })
  })
