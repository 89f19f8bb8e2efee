import { db } from '~/db.server'
import { PUBLIC_STATUSES } from '~/models/challenge-constants'

// Counting every challenge by status costs ~180 ms at 100,000 rows; the home page's numbers
// may be a minute old.
let keyNumbers: { at: number; value: ReturnType<typeof countKeyNumbers> } | null = null
const KEY_NUMBERS_MS = 60_000

/** The key numbers on the home page. */
export function getKeyNumbers() {
  if (!keyNumbers || Date.now() - keyNumbers.at > KEY_NUMBERS_MS) {
    const value = countKeyNumbers()
    keyNumbers = { at: Date.now(), value }
    value.catch(() => (keyNumbers = null))
  }
  return keyNumbers.value
}

async function countKeyNumbers() {
  const [challenges, organisations, members] = await Promise.all([
    db
      .selectFrom('challenges')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('hidden_at', 'is', null)
      // A merged duplicate is the same challenge counted twice.
      .where('merged_into_id', 'is', null)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  const byStatus = Object.fromEntries(challenges.map((r) => [r.status, Number(r.n)]))
  return {
    challenges: challenges.reduce((sum, r) => sum + Number(r.n), 0),
    inProgress: byStatus.in_progress ?? 0,
    solved: byStatus.solved ?? 0,
    organisations: Number(organisations.n),
    members: Number(members.n),
  }
}

/** The newest solved challenges with who solved them: the home page's public credit. */
export async function listNewlySolved(limit = 5) {
  const rows = await db
    .selectFrom('challenges')
    .select(['id', 'title', 'solved_at'])
    .where('status', '=', 'solved')
    .where('hidden_at', 'is', null)
    .orderBy('solved_at', 'desc')
    .limit(limit)
    .execute()
  const solvers = rows.length
    ? await db
        .selectFrom('challenge_solvers')
        .innerJoin('organisations', 'organisations.id', 'challenge_solvers.organisation_id')
        .select(['challenge_solvers.challenge_id', 'organisations.name', 'organisations.slug'])
        .where(
          'challenge_solvers.challenge_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : []
  return rows.map((r) => ({ ...r, solvers: solvers.filter((s) => s.challenge_id === r.id) }))
}
