import type { Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// PostgreSQL body of 0008_pledge_plan_html: a pledge's plan gets its sanitised HTML column,
// written by the app. SQLite's body also converts existing plans to HTML; a PostgreSQL database
// starts empty at 0001, so there is no plan to convert here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pledges')
    .addColumn('plan_html', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledges').dropColumn('plan_html').execute()
}
