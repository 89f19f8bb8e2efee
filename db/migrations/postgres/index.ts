import type { Migration } from 'kysely'

// PostgreSQL bodies of 0001–0013, under the same names as the SQLite ones.
export const postgresMigrations: Record<string, Migration> = {}
