import type { Migration } from 'kysely'
import * as m0001 from './0001_foundation'

// A static list instead of FileMigrationProvider: it works the same under tsx, vitest and the
// bundled server build, with no directory scanning. Add each new migration here, in order.
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
}
