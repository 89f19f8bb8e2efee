import { db, type Executor } from '~/db.server'

/**
 * Who may be credited with solving a challenge: the organisations (and, for pledges made
 * without one, the people) that pledged — active or completed pledges — and the authors of its
 * accepted solutions. One candidate per organisation or person, however many pledges and
 * solutions they have; `key` is what the solve form's checkbox sends ("org:12", "user:7").
 */
export interface SolverCandidate {
  key: string
  organisationId: number | null
  userId: number | null
  name: string
  pledgeId: number | null
  solutionId: number | null
  pledged: boolean
  /** Reported progress on a pledge, or marked it done. */
  worked: boolean
  done: boolean
  accepted: boolean
  /** Ticked in the solve form and credited when nobody chooses (a moderator's triage). */
  preselected: boolean
}

export async function listSolverCandidates(
  executor: Executor,
  challengeId: number,
): Promise<SolverCandidate[]> {
  const [pledges, solutions] = await Promise.all([
    executor
      .selectFrom('pledges')
      .leftJoin('organisations', 'organisations.id', 'pledges.organisation_id')
      .leftJoin('users', 'users.id', 'pledges.user_id')
      .select((eb) => [
        'pledges.id',
        'pledges.status',
        'pledges.user_id',
        'pledges.organisation_id',
        'organisations.name as organisation_name',
        'users.name as user_name',
        eb
          .exists(
            eb
              .selectFrom('pledge_updates')
              .select('pledge_updates.id')
              .whereRef('pledge_updates.pledge_id', '=', 'pledges.id'),
          )
          .as('has_progress'),
      ])
      .where('pledges.challenge_id', '=', challengeId)
      .where('pledges.status', 'in', ['active', 'completed'])
      // A held pledge (pre-moderation) is nobody's work yet.
      .where('pledges.held_at', 'is', null)
      .orderBy('pledges.id')
      .execute(),
    executor
      .selectFrom('solutions')
      .leftJoin('organisations', 'organisations.id', 'solutions.organisation_id')
      .leftJoin('users', 'users.id', 'solutions.author_id')
      .select([
        'solutions.id',
        'solutions.author_id',
        'solutions.organisation_id',
        'organisations.name as organisation_name',
        'users.name as user_name',
      ])
      .where('solutions.challenge_id', '=', challengeId)
      .where('solutions.accepted_at', 'is not', null)
      .where('solutions.hidden_at', 'is', null)
      .orderBy('solutions.accepted_at')
      .orderBy('solutions.id')
      .execute(),
  ])

  const byKey = new Map<string, SolverCandidate>()
  const candidate = (organisationId: number | null, userId: number | null, name: string | null) => {
    // A deleted account's personal pledge or solution has nobody left to credit.
    const key = organisationId ? `org:${organisationId}` : userId ? `user:${userId}` : null
    if (!key) return null
    let found = byKey.get(key)
    if (!found) {
      found = {
        key,
        organisationId,
        userId,
        name: name ?? '',
        pledgeId: null,
        solutionId: null,
        pledged: false,
        worked: false,
        done: false,
        accepted: false,
        preselected: false,
      }
      byKey.set(key, found)
    }
    return found
  }
  for (const p of pledges) {
    const c = candidate(p.organisation_id, p.user_id, p.organisation_name ?? p.user_name)
    if (!c) continue
    c.pledgeId ??= p.id
    c.pledged = true
    // SQLite returns booleans as 0/1.
    c.worked ||= Boolean(p.has_progress) || p.status === 'completed'
    c.done ||= p.status === 'completed'
  }
  for (const s of solutions) {
    const c = candidate(s.organisation_id, s.author_id, s.organisation_name ?? s.user_name)
    if (!c) continue
    c.solutionId ??= s.id
    c.accepted = true
  }
  const list = [...byKey.values()]
  for (const c of list) c.preselected = c.worked || c.accepted
  return list
}

/** The chosen keys that name no candidate: a solved-by choice may only credit those who worked on it. */
export function strangers(candidates: SolverCandidate[], chosen: readonly string[]): string[] {
  const known = new Set(candidates.map((c) => c.key))
  return chosen.filter((key) => !known.has(key))
}

/**
 * Credits the challenge's solvers, replacing any earlier credit: the chosen candidates, or,
 * when nobody chose (a moderator set "solved" on the triage page, or an older caller), the
 * preselected ones — those who reported progress or marked their pledge done, and the authors
 * of accepted solutions. Keys that name no candidate are ignored here; the solve action refuses
 * them before. Returns the credited candidates.
 */
export async function creditSolvers(
  trx: Executor,
  challengeId: number,
  chosen?: readonly string[],
): Promise<SolverCandidate[]> {
  const candidates = await listSolverCandidates(trx, challengeId)
  const wanted = chosen ? new Set(chosen) : null
  const credited = candidates.filter((c) => (wanted ? wanted.has(c.key) : c.preselected))
  await trx.deleteFrom('challenge_solvers').where('challenge_id', '=', challengeId).execute()
  if (credited.length) {
    await trx
      .insertInto('challenge_solvers')
      .values(
        credited.map((c) => ({
          challenge_id: challengeId,
          solution_id: c.solutionId,
          pledge_id: c.pledgeId,
          organisation_id: c.organisationId,
          user_id: c.userId,
        })),
      )
      .execute()
  }
  return credited
}

/**
 * A solution accepted or unaccepted after the challenge was solved: its author is credited as
 * well, or loses the credit that came only from that solution. The rest of the owner's choice
 * stays as it was.
 */
export async function creditSolution(
  trx: Executor,
  challengeId: number,
  solutionId: number,
  accepted: boolean,
) {
  if (!accepted) {
    await trx
      .deleteFrom('challenge_solvers')
      .where('challenge_id', '=', challengeId)
      .where('solution_id', '=', solutionId)
      .where('pledge_id', 'is', null)
      .execute()
    await trx
      .updateTable('challenge_solvers')
      .set({ solution_id: null })
      .where('challenge_id', '=', challengeId)
      .where('solution_id', '=', solutionId)
      .execute()
    return
  }
  const candidates = await listSolverCandidates(trx, challengeId)
  const solution = await trx
    .selectFrom('solutions')
    .select(['author_id', 'organisation_id'])
    .where('id', '=', solutionId)
    .executeTakeFirst()
  if (!solution) return
  const key = solution.organisation_id
    ? `org:${solution.organisation_id}`
    : `user:${solution.author_id}`
  const c = candidates.find((x) => x.key === key)
  if (!c) return
  let existing = trx
    .selectFrom('challenge_solvers')
    .select('id')
    .where('challenge_id', '=', challengeId)
  existing = c.organisationId
    ? existing.where('organisation_id', '=', c.organisationId)
    : existing.where('organisation_id', 'is', null).where('user_id', '=', c.userId)
  const row = await existing.executeTakeFirst()
  if (row) {
    await trx
      .updateTable('challenge_solvers')
      .set({ solution_id: solutionId })
      .where('id', '=', row.id)
      .where('solution_id', 'is', null)
      .execute()
  } else {
    await trx
      .insertInto('challenge_solvers')
      .values({
        challenge_id: challengeId,
        solution_id: solutionId,
        pledge_id: c.pledgeId,
        organisation_id: c.organisationId,
        user_id: c.userId,
      })
      .execute()
  }
}

/** The solve form's choices for a challenge's page. */
export function getSolverCandidates(challengeId: number) {
  return listSolverCandidates(db, challengeId)
}
