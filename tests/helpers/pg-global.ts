import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createDatabase, migrateToLatest } from '#db/connection'
import { startCluster, withDatabase, type Cluster } from '../../scripts/pg-cluster'

/**
 * `npm run test:pg`: one PostgreSQL server for the run (UTMANA_TEST_PG_URL names a superuser URL
 * to use; otherwise a throwaway cluster is started) and one migrated template database, which
 * every test file copies into a database of its own (tests/helpers/setup.ts).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgTemplate: string
  }
}

export default async function setup(project: TestProject) {
  let cluster: Cluster | undefined
  const adminUrl = process.env.UTMANA_TEST_PG_URL || (cluster = await startCluster()).url
  // Named per run: runs sharing one server (UTMANA_TEST_PG_URL) keep out of each other's way.
  const TEMPLATE = `utmana_template_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client(adminUrl)
  await admin.connect()
  await admin.query(`create database ${TEMPLATE}`)
  const template = createDatabase(withDatabase(adminUrl, TEMPLATE), { poolSize: 1 })
  try {
    await migrateToLatest(template.db)
  } finally {
    await template.close()
  }
  project.provide('pgAdminUrl', adminUrl)
  project.provide('pgTemplate', TEMPLATE)
  return async () => {
    await admin.query(`drop database if exists ${TEMPLATE} with (force)`).catch(() => {})
    await admin.end()
    cluster?.stop()
  }
}
