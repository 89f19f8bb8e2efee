import { db } from '~/db.server'

/** The key numbers on the home page. */
export async function getKeyNumbers() {
  const count = (table: 'users' | 'organisations' | 'areas' | 'categories') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.count))
  const [members, organisations, areas, categories] = await Promise.all([
    count('users'),
    count('organisations'),
    count('areas'),
    count('categories'),
  ])
  return { members, organisations, areas, categories }
}
