import { db } from '~/db.server'
import { STAFF_ROLES } from '~/utils/policy'

/** The counts on /admin, in one query. */
export async function getAdminOverview() {
  const row = await db
    .selectNoFrom((eb) => {
      const n = eb.fn.countAll<number>().as('n')
      // The three tables share archived_at, the only column the subquery reads.
      const rows = (table: 'categories' | 'areas' | 'reply_templates', archived: boolean) =>
        eb
          .selectFrom(table as 'areas')
          .select(n)
          .where('archived_at', archived ? 'is not' : 'is', null)
      return [
        rows('categories', false).as('categories'),
        rows('categories', true).as('archivedCategories'),
        rows('areas', false).as('areas'),
        rows('areas', true).as('archivedAreas'),
        eb.selectFrom('organisations').select(n).as('organisations'),
        eb
          .selectFrom('organisations')
          .select(n)
          .where('kind', '=', 'municipality')
          .where('verified_at', 'is', null)
          .as('unverifiedDepartments'),
        eb.selectFrom('users').select(n).as('users'),
        eb
          .selectFrom('users')
          .select(n)
          .where('role', 'in', [...STAFF_ROLES])
          .as('staff'),
        rows('reply_templates', false).as('templates'),
      ]
    })
    .executeTakeFirstOrThrow()
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, Number(value ?? 0)]),
  ) as Record<keyof typeof row, number>
}
