// What the test server stored, read straight from its SQLite file on a read-only connection of
// the test's own (opened and closed for each read, as the server keeps writing).
import SQLite from 'better-sqlite3'
import type { TestServer } from './server'

function read<R>(server: TestServer, query: (db: SQLite.Database) => R): R {
  const db = new SQLite(server.dbFile, { readonly: true, fileMustExist: true })
  try {
    return query(db)
  } finally {
    db.close()
  }
}

/** Every row the query finds in the server's database. */
export function readRows<T>(server: TestServer, sql: string, ...params: unknown[]): T[] {
  return read(server, (db) => db.prepare(sql).all(...params) as T[])
}

/** The first row the query finds in the server's database, if any. */
export function readRow<T>(server: TestServer, sql: string, ...params: unknown[]): T | undefined {
  return read(server, (db) => db.prepare(sql).get(...params) as T | undefined)
}
