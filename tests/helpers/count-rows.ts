import type { Database } from '#db/schema'
import { db } from '~/db.server'

/** How many rows the table holds now. */
export async function countRows(table: keyof Database & string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
