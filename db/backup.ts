import fs from 'node:fs'
import path from 'node:path'
import { SingleBar, Presets } from 'cli-progress'
import { openSqlite, sqlitePathFromUrl, DEFAULT_DATABASE_URL } from './connection'
import { dialectOf } from './dialect'
import { run } from './cli'

/** Online backup: the app may keep writing while this runs. */
run(async () => {
  const target = process.argv.slice(2).find((a) => !a.startsWith('-'))
  if (!target) throw new Error('Usage: npm run db:backup -- FILE')
  const destination = path.resolve(target)
  if (fs.existsSync(destination))
    throw new Error(`${destination} already exists; choose a new file.`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })

  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL
  // PostgreSQL has its own tools for a consistent online copy; a second way here would be worse.
  if (dialectOf(url) === 'postgres')
    throw new Error(
      'db:backup copies a SQLite file. On PostgreSQL use pg_dump (e.g. pg_dump -Fc -f FILE "$DATABASE_URL") or the server\'s own backups.',
    )
  const source = openSqlite(sqlitePathFromUrl(url))
  const bar = new SingleBar(
    { format: 'Backup [{bar}] {percentage}% | {value}/{total} pages' },
    Presets.shades_classic,
  )
  let started = false
  try {
    await source.backup(destination, {
      progress({ totalPages, remainingPages }) {
        if (!started) {
          bar.start(totalPages, 0)
          started = true
        }
        bar.setTotal(totalPages)
        bar.update(totalPages - remainingPages)
        return 200 // pages per step; the source stays usable between steps
      },
    })
  } finally {
    if (started) bar.stop()
    source.close()
  }

  const copy = openSqlite(destination, { readonly: true })
  try {
    const result = copy.pragma('integrity_check', { simple: true })
    if (result !== 'ok') throw new Error(`integrity_check failed on the backup: ${String(result)}`)
  } finally {
    copy.close()
  }
  const size = fs.statSync(destination).size
  console.log(
    `Backup written to ${destination} (${(size / 1024).toFixed(0)} KiB), integrity_check: ok`,
  )
})
