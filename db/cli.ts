import { parseArgs, type ParseArgsConfig } from 'node:util'
import { createDatabase, DEFAULT_DATABASE_URL } from './connection'

/** The database named by DATABASE_URL, as the app opens it. */
export function openFromEnv() {
  return createDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)
}

export function args<T extends NonNullable<ParseArgsConfig['options']>>(options: T) {
  return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true })
}

/** Runs a CLI body, prints a one-line error and exits 1 on failure. */
export function run(main: () => Promise<void>) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
