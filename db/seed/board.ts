import { sql, type Kysely, type Transaction } from 'kysely'
import type { ChallengeStatus, Database, PosterKind } from '../schema'
import { renderMarkdown, summarise } from '../../app/services/markdown.server'
import { DEMO_PLACES, type DemoChallenge } from './demo-challenges'
import { searchKey } from '../search-key'

const DAY = 86_400_000

/** A small deterministic PRNG, so every demo town looks the same. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function insertMany<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  rows: Array<Record<string, unknown>>,
  batch = 400,
) {
  for (let i = 0; i < rows.length; i += batch) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute()
  }
}

async function lookups(db: Kysely<Database> | Transaction<Database>) {
  const [users, organisations, categories, areas] = await Promise.all([
    db.selectFrom('users').select(['id', 'email']).execute(),
    db.selectFrom('organisations').select(['id', 'slug', 'kind']).execute(),
    db.selectFrom('categories').select(['id', 'slug']).execute(),
    db.selectFrom('areas').select(['id', 'slug']).execute(),
  ])
  return {
    userIds: new Map(users.map((u) => [u.email, u.id])),
    organisations: new Map(organisations.map((o) => [o.slug, o])),
    categoryIds: new Map(categories.map((c) => [c.slug, c.id])),
    areaIds: new Map(areas.map((a) => [a.slug, a.id])),
    allUserIds: users.map((u) => u.id),
  }
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key)
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}: ${String(key)}`)
  return value
}

/**
 * The demo town's challenges with their solutions, pledges, progress, comments, votes and
 * follows, spread over the past year. Counts are computed here, as the app keeps them.
 */
export async function seedDemoBoard(
  trx: Transaction<Database>,
  challenges: DemoChallenge[],
  now = Date.now(),
) {
  const rnd = random(2026)
  const { userIds, organisations, categoryIds, areaIds, allUserIds } = await lookups(trx)
  const at = (ms: number) => new Date(Math.min(ms, now - 60_000)).toISOString()

  for (const [index, demo] of challenges.entries()) {
    const authorId = need(userIds, demo.posterEmail, 'person')
    const org = demo.organisationSlug
      ? need(organisations, demo.organisationSlug, 'organisation')
      : null
    const created = now - demo.ageDays * DAY - Math.floor(rnd() * 8) * 3_600_000
    const span = Math.max(demo.ageDays * DAY, DAY)
    const moment = (fraction: number) => at(created + span * fraction)
    const html = renderMarkdown(demo.description)

    // Votes: older and solved challenges gathered more; never the author's own.
    const voterPool = allUserIds.filter((id) => id !== authorId)
    const wanted = Math.min(
      voterPool.length,
      Math.floor(rnd() * (demo.status === 'open' ? 18 : 30)) + (index % 7),
    )
    const voters = [...voterPool].sort(() => rnd() - 0.5).slice(0, wanted)

    const accepted = demo.solutions.filter((s) => s.accepted)
    const commentCount = demo.comments.reduce((n, c) => n + 1 + (c.replies?.length ?? 0), 0)
    const statusAt = {
      in_progress: moment(0.3),
      solved: moment(0.8),
      closed: moment(0.6),
    }
    const createdAt = at(created)
    const pledgedAt = (i: number) => moment(0.25 + i * 0.05)
    const proposedAt = (i: number) => moment(0.1 + i * 0.1)

    const history: Array<{
      from: ChallengeStatus | null
      to: ChallengeStatus
      at: string
      message: string | null
    }> = [{ from: null, to: 'open', at: createdAt, message: null }]
    if (demo.status === 'in_progress' || demo.status === 'solved') {
      history.push({ from: 'open', to: 'in_progress', at: statusAt.in_progress, message: null })
    }
    if (demo.status === 'solved')
      history.push({ from: 'in_progress', to: 'solved', at: statusAt.solved, message: null })
    if (demo.status === 'closed') {
      history.push({
        from: 'open',
        to: 'closed',
        at: statusAt.closed,
        message: demo.closedReason ?? null,
      })
    }
    // updated_at is what the app stamps: a status change, a pledge, a proposal (routing adds
    // its own in seedDemoModeration). Comments and votes leave it, as they do in the app.
    const updatedAt = [
      ...history.map((h) => h.at),
      ...demo.pledges.map((_, i) => pledgedAt(i)),
      ...demo.solutions.map((_, i) => proposedAt(i)),
    ].reduce((a, b) => (a > b ? a : b), createdAt)

    const { id } = await trx
      .insertInto('challenges')
      .values({
        title: demo.title,
        description_md: demo.description,
        description_html: html,
        summary: summarise(html),
        category_id: need(categoryIds, demo.categorySlug, 'category'),
        area_id: need(areaIds, demo.areaSlug, 'area'),
        author_id: authorId,
        organisation_id: org?.id ?? null,
        poster_kind: (org?.kind ?? 'resident') as PosterKind,
        status: demo.status as ChallengeStatus,
        closed_reason: demo.status === 'closed' ? (demo.closedReason ?? null) : null,
        place_text: DEMO_PLACES[demo.title]?.text ?? null,
        lat: DEMO_PLACES[demo.title]?.lat ?? null,
        lng: DEMO_PLACES[demo.title]?.lng ?? null,
        vote_count: voters.length,
        solution_count: demo.solutions.length,
        pledge_count: demo.pledges.length,
        comment_count: commentCount,
        follower_count: 0,
        hidden_at: null,
        hidden_reason: null,
        edited_at: null,
        solved_at: demo.status === 'solved' ? statusAt.solved : null,
        created_at: createdAt,
        updated_at: updatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()

    await trx
      .insertInto('challenge_revisions')
      .values({
        challenge_id: id,
        editor_id: authorId,
        title: demo.title,
        description_md: demo.description,
        category_id: need(categoryIds, demo.categorySlug, 'category'),
        area_id: need(areaIds, demo.areaSlug, 'area'),
        created_at: createdAt,
      })
      .execute()

    await insertMany(
      trx,
      'challenge_status_history',
      history.map((h) => ({
        challenge_id: id,
        actor_id: authorId,
        from_status: h.from,
        to_status: h.to,
        message: h.message,
        created_at: h.at,
      })),
    )

    const followers = new Set<number>([authorId])
    for (const [i, p] of demo.pledges.entries()) {
      const userId = need(userIds, p.email, 'person')
      followers.add(userId)
      const { id: pledgeId } = await trx
        .insertInto('pledges')
        .values({
          challenge_id: id,
          user_id: userId,
          organisation_id: p.organisationSlug
            ? need(organisations, p.organisationSlug, 'organisation').id
            : null,
          plan: p.plan,
          plan_html: renderMarkdown(p.plan),
          status: demo.status === 'solved' ? 'completed' : 'active',
          created_at: pledgedAt(i),
          withdrawn_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await insertMany(
        trx,
        'pledge_updates',
        p.updates.map((body, j) => ({
          pledge_id: pledgeId,
          author_id: userId,
          body_md: body,
          body_html: renderMarkdown(body),
          created_at: moment(0.35 + ((j + 1) / (p.updates.length + 1)) * 0.4),
        })),
      )
    }

    const solutionIds: number[] = []
    for (const [i, s] of demo.solutions.entries()) {
      const userId = need(userIds, s.email, 'person')
      followers.add(userId)
      const solutionVoters = voterPool.filter((v) => v !== userId).filter(() => rnd() < 0.25)
      const createdSolution = proposedAt(i)
      const { id: solutionId } = await trx
        .insertInto('solutions')
        .values({
          challenge_id: id,
          author_id: userId,
          organisation_id: s.organisationSlug
            ? need(organisations, s.organisationSlug, 'organisation').id
            : null,
          body_md: s.body,
          body_html: renderMarkdown(s.body),
          vote_count: solutionVoters.length,
          comment_count: 0,
          accepted_at: s.accepted ? moment(0.28) : null,
          accepted_by: s.accepted ? authorId : null,
          hidden_at: null,
          hidden_reason: null,
          edited_at: null,
          created_at: createdSolution,
          updated_at: createdSolution,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      solutionIds.push(solutionId)
      await insertMany(trx, 'solution_revisions', [
        {
          solution_id: solutionId,
          editor_id: userId,
          body_md: s.body,
          created_at: createdSolution,
        },
      ])
      await insertMany(
        trx,
        'solution_votes',
        solutionVoters.map((v) => ({
          solution_id: solutionId,
          user_id: v,
          created_at: createdSolution,
        })),
      )
      if (demo.status === 'solved' && s.accepted) {
        await trx
          .insertInto('challenge_solvers')
          .values({
            challenge_id: id,
            solution_id: solutionId,
            organisation_id: s.organisationSlug
              ? need(organisations, s.organisationSlug, 'organisation').id
              : null,
            user_id: userId,
            created_at: statusAt.solved,
          })
          .execute()
      }
    }
    if (demo.status === 'solved' && accepted.length === 0) {
      throw new Error(`Solved demo challenge without an accepted solution: ${demo.title}`)
    }

    for (const [i, c] of demo.comments.entries()) {
      const userId = need(userIds, c.email, 'person')
      followers.add(userId)
      const body = renderMarkdown(c.body)
      const { id: commentId } = await trx
        .insertInto('comments')
        .values({
          challenge_id: id,
          solution_id: null,
          parent_id: null,
          author_id: userId,
          body_md: c.body,
          body_html: body,
          deleted_at: null,
          hidden_at: null,
          hidden_reason: null,
          edited_at: null,
          created_at: moment(0.05 + i * 0.12),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await insertMany(
        trx,
        'comments',
        (c.replies ?? []).map((r, j) => {
          const replier = need(userIds, r.email, 'person')
          followers.add(replier)
          return {
            challenge_id: id,
            solution_id: null,
            parent_id: commentId,
            author_id: replier,
            body_md: r.body,
            body_html: renderMarkdown(r.body),
            deleted_at: null,
            hidden_at: null,
            hidden_reason: null,
            edited_at: null,
            created_at: moment(0.07 + i * 0.12 + j * 0.01),
          }
        }),
      )
    }

    await insertMany(
      trx,
      'challenge_votes',
      voters.map((v) => ({ challenge_id: id, user_id: v, created_at: moment(rnd()) })),
    )
    for (const v of voters) if (rnd() < 0.3) followers.add(v)
    await insertMany(
      trx,
      'follows',
      [...followers].map((u) => ({ challenge_id: id, user_id: u, created_at: createdAt })),
    )
    await trx
      .updateTable('challenges')
      .set({ follower_count: followers.size })
      .where('id', '=', id)
      .execute()
    const solutionText = demo.solutions.map((s) => s.body).join('\n\n')
    await sql`insert into challenges_fts (${searchKey(trx)}, title, body)
      values (${id}, ${demo.title}, ${`${demo.description}\n\n${solutionText}`})`.execute(trx)
  }
}
