import { Presets, SingleBar } from 'cli-progress'
import { migrateToLatest } from './connection'
import { args, openFromEnv, run } from './cli'
import { isDatabaseEmpty, seedDemo } from './seed/demo'
import { seedScale } from './seed/scale'

const usage = 'Usage: npm run db:seed -- --demo [--if-empty] | --scale N'

run(async () => {
  const { values } = args({
    demo: { type: 'boolean' },
    'if-empty': { type: 'boolean' },
    scale: { type: 'string' },
  })
  const scale = values.scale === undefined ? null : Number(values.scale)
  if (!values.demo && scale === null) throw new Error(usage)
  if (scale !== null && (!Number.isInteger(scale) || scale < 1 || scale > 10_000_000)) {
    throw new Error(`--scale needs a whole number from 1 to 10000000\n${usage}`)
  }
  const handle = openFromEnv()
  try {
    await migrateToLatest(handle.db)
    if (values.demo) {
      if (!(await isDatabaseEmpty(handle.db))) {
        if (!values['if-empty']) {
          throw new Error(
            'The database is not empty. Seed a fresh DATABASE_URL, or add --if-empty.',
          )
        }
        console.log('Database already has data; demo seed skipped.')
      } else {
        const started = Date.now()
        await seedDemo(handle.db)
        console.log(`Seeded the demo town in ${Date.now() - started} ms.`)
      }
    }
    if (scale !== null) {
      if (await isDatabaseEmpty(handle.db)) await seedDemo(handle.db)
      const bar = new SingleBar(
        { format: 'Scale [{bar}] {percentage}% | {value}/{total} challenges | {duration}s' },
        Presets.shades_classic,
      )
      const started = Date.now()
      bar.start(scale, 0)
      await seedScale(handle.db, scale, (done) => bar.update(done))
      bar.stop()
      console.log(`Added ${scale} challenges in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
    }
  } finally {
    await handle.close()
  }
})
