import { sql, type Kysely } from 'kysely'

// Frozen once landed: never import app code here, never edit after it ships.
// A pledge's plan is Markdown like a progress update, so it gets the same sanitised HTML column,
// written by the app (renderMarkdown) when the pledge is made.
//
// Existing plans cannot go through the app's Markdown renderer from here (a migration must not
// import app code), so they are kept as the plain text they were shown as until now: HTML-escaped,
// blank lines as paragraph breaks and single line breaks as <br>, as the renderer treats plain
// text. Markdown syntax in an old plan therefore stays literal; only new plans are rendered.
const NL = sql`char(10)`
const escaped = sql`replace(replace(replace(replace(replace(replace(plan,
  char(13), ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pledges')
    .addColumn('plan_html', 'text', (col) => col.notNull().defaultTo(''))
    .execute()
  // Paragraph breaks first, without a newline, so the second replace only sees line breaks.
  await sql`update pledges set plan_html = '<p>' ||
    replace(replace(${escaped}, ${NL} || ${NL}, '</p><p>'), ${NL}, '<br>' || ${NL})
    || '</p>'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pledges').dropColumn('plan_html').execute()
}
