import { migrateToLatest } from './connection'
import { openFromEnv, run } from './cli'

run(async () => {
  const handle = openFromEnv()
  try {
    const { results = [] } = await migrateToLatest(handle.db)
    for (const r of results)
      console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`)
    console.log(results.length ? 'Database migrated.' : 'Database already up to date.')
  } finally {
    await handle.close()
  }
})
