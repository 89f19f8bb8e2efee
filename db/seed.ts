import { migrateToLatest } from './connection'
import { args, openFromEnv, run } from './cli'
import { isDatabaseEmpty, seedDemo } from './seed/demo'

const usage = 'Usage: npm run db:seed -- --demo [--if-empty]'

run(async () => {
  const { values } = args({ demo: { type: 'boolean' }, 'if-empty': { type: 'boolean' } })
  if (!values.demo) throw new Error(usage)
  const handle = openFromEnv()
  try {
    await migrateToLatest(handle.db)
    if (!(await isDatabaseEmpty(handle.db))) {
      if (values['if-empty']) {
        console.log('Database already has data; demo seed skipped.')
        return
      }
      throw new Error('The database is not empty. Seed a fresh DATABASE_URL, or add --if-empty.')
    }
    const started = Date.now()
    await seedDemo(handle.db)
    console.log(`Seeded the demo town in ${Date.now() - started} ms.`)
  } finally {
    await handle.close()
  }
})
