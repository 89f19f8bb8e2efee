import Database from 'better-sqlite3'
import pg from 'pg'
import { sqlitePathFromUrl } from '#db/connection'
import { onPostgres } from './setup'

/** A challenge renamed by an UPDATE committed on a connection of its own, as another process or a CLI would. */
export async function renameOnAnotherConnection(id: number, title: string) {
  const url = process.env.DATABASE_URL!
  if (onPostgres) {
    const client = new pg.Client(url)
    await client.connect()
    try {
      await client.query('update challenges set title = $1 where id = $2', [title, id])
    } finally {
      await client.end()
    }
    return
  }
  const other = new Database(sqlitePathFromUrl(url))
  try {
    other.prepare('update challenges set title = ? where id = ?').run(title, id)
  } finally {
    other.close()
  }
}
