import { createDatabase, migrateToLatest, type DatabaseHandle } from '#db/connection'
import { getEnv } from '~/env.server'

// One connection per process; kept on globalThis so dev rebuilds don't open a new one each time.
const globalForDb = globalThis as unknown as { utmanaDb?: DatabaseHandle }

function handle(): DatabaseHandle {
  globalForDb.utmanaDb ??= createDatabase(getEnv().DATABASE_URL)
  return globalForDb.utmanaDb
}

export const db = new Proxy({} as DatabaseHandle['db'], {
  get(_target, property) {
    const real = handle().db
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

export function sqlite() {
  return handle().sqlite
}

export async function migrate() {
  return migrateToLatest(handle().db)
}

export async function closeDatabase() {
  const current = globalForDb.utmanaDb
  globalForDb.utmanaDb = undefined
  await current?.close()
}
