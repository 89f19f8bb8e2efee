import type { Kysely, Migration } from 'kysely'
import type { DialectName } from '../dialect'
import { postgresMigrations } from './postgres'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_board'
import * as m0003 from './0003_moderation'
import * as m0004 from './0004_outcomes_privacy'
import * as m0005 from './0005_report_indexes'
import * as m0006 from './0006_weekly_activity'
import * as m0007 from './0007_close_the_loops'
import * as m0008 from './0008_pledge_plan_html'
import * as m0009 from './0009_trending'
import * as m0010 from './0010_moderation_followthrough'
import * as m0011 from './0011_credit_and_fixed'
import * as m0012 from './0012_review_and_withdrawal'
import * as m0013 from './0013_trust_and_limits'
import * as m0014 from './0014_jobs_across_processes'
import * as m0015 from './0015_photos_and_place'
import * as m0016 from './0016_located_index'
import * as m0017 from './0017_newly_solved_index'

// A static list instead of FileMigrationProvider: it works the same under tsx, vitest and the
// bundled server build, with no directory scanning. 0001–0013 were written for SQLite alone;
// their PostgreSQL bodies, under the same names, are in ./postgres.
export const sqliteMigrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_board': m0002,
  '0003_moderation': m0003,
  '0004_outcomes_privacy': m0004,
  '0005_report_indexes': m0005,
  '0006_weekly_activity': m0006,
  '0007_close_the_loops': m0007,
  '0008_pledge_plan_html': m0008,
  '0009_trending': m0009,
  '0010_moderation_followthrough': m0010,
  '0011_credit_and_fixed': m0011,
  '0012_review_and_withdrawal': m0012,
  '0013_trust_and_limits': m0013,
}

/** From 0014 on, one body for both databases that receives the dialect. */
export interface DialectMigration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>
}

// Add each new migration here, in order.
const sharedMigrations: Record<string, DialectMigration> = {
  '0014_jobs_across_processes': m0014,
  '0015_photos_and_place': m0015,
  '0016_located_index': m0016,
  '0017_newly_solved_index': m0017,
}

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  const own = dialect === 'postgres' ? postgresMigrations : sqliteMigrations
  const shared = Object.entries(sharedMigrations).map(([name, m]) => [
    name,
    { up: (db: Kysely<any>) => m.up(db, dialect) },
  ])
  return { ...own, ...Object.fromEntries(shared) }
}
