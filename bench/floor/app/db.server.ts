import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'

// Only what the floor's page reads; the app's own schema stays the app's.
interface Database {
  challenges: {
    id: number
    title: string
    summary: string | null
    status: string
    vote_count: number
    solution_count: number
    comment_count: number
    created_at: string
    category_id: number
    area_id: number
    hidden_at: string | null
    merged_into_id: number | null
  }
  categories: { id: number; name_sv: string }
  areas: { id: number; name_sv: string }
}

const file = process.env.FLOOR_DATABASE
if (!file) throw new Error('FLOOR_DATABASE (a SQLite file) is required')

export const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }),
})
