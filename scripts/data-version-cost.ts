// The cost of the SQLite page-cache change signal (app/services/page-cache-signal.server.ts):
// one poll reads `pragma data_version` on two connections. Run:
//   npx tsx scripts/data-version-cost.ts [file.sqlite]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqlite } from '../db/connection'

const file = process.argv[2] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dv-')), 'x.sqlite')
const main = openSqlite(file)
const side = openSqlite(file)
const a = main.prepare('pragma data_version').pluck()
const b = side.prepare('pragma data_version').pluck()
let sum = 0
for (let i = 0; i < 10_000; i++) sum += Number(a.get()) + Number(b.get())
const polls = 200_000
const started = process.hrtime.bigint()
for (let i = 0; i < polls; i++) sum += Number(a.get()) + Number(b.get())
const ns = Number(process.hrtime.bigint() - started) / polls
console.log(
  `one poll: ${(ns / 1000).toFixed(2)} µs; at 4 polls a second: ${((ns * 4) / 1e7).toFixed(4)} % of a core`,
)
if (Number.isNaN(sum)) throw new Error('unreachable')
if (Number.isNaN(sum)) throw new Error('unreachable')
main.close()
side.close()
