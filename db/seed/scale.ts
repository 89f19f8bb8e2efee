import { sql, type Kysely } from 'kysely'
import type { ChallengeStatus, Database } from '../schema'
import { recomputeTrending } from '../../app/models/trending.server'
import { random } from './board'
import { searchKey } from '../search-key'

const DAY = 86_400_000
const STATUSES: ChallengeStatus[] = [
  'open',
  'open',
  'open',
  'in_progress',
  'in_progress',
  'solved',
  'closed',
]
const WORDS = (
  'buss cykel parkering hamnen torget skolan biblioteket belysning trygghet sommarjobb praktik ' +
  'bredband e-tjänst återvinning stranden lekplats bostäder hyresgäster festival konsert idrott ' +
  'simhall trafik gångväg övergångsställe laddstolpe leveranser butiker kaféer öppettider skräp ' +
  'klotter buller översvämning dagvatten grönområde parkbänk toaletter hundrastgård skatepark'
).split(' ')

/**
 * Adds `n` challenges for benchmarks, with about ten votes and two comments each and enough
 * extra members to vote, in batched transactions. Reports progress through `onProgress`.
 */
export async function seedScale(
  db: Kysely<Database>,
  n: number,
  onProgress: (done: number, total: number) => void = () => {},
) {
  const rnd = random(n)
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!
  const [categories, areas, departments, existing] = await Promise.all([
    db.selectFrom('categories').select('id').execute(),
    db.selectFrom('areas').select('id').execute(),
    db.selectFrom('organisations').select('id').where('kind', '=', 'municipality').execute(),
    db.selectFrom('users').select(['id', 'password_hash']).orderBy('id').execute(),
  ])
  if (!categories.length || !areas.length || !existing.length) {
    throw new Error('Seed the demo town first (npm run db:seed -- --demo).')
  }

  // Voters: one extra member per 20 challenges, sharing the first user's (demo) password hash.
  const extra = Math.ceil(n / 20)
  const now = Date.now()
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < extra; i += 500) {
      const rows = Array.from({ length: Math.min(500, extra - i) }, (_, j) => ({
        email: `bench-${now}-${i + j}@example.se`,
        name: `Testinvånare ${i + j + 1}`,
        password_hash: existing[0]!.password_hash,
        role: 'member' as const,
        locale: 'sv',
        // Confirmed, so the hourly purge of unconfirmed accounts leaves the bench voters alone.
        email_verified_at: new Date(now).toISOString(),
        banned_until: null,
        ban_reason: null,
        last_login_at: null,
        email_frequency: 'never' as const,
        updated_at: new Date(now).toISOString(),
      }))
      await trx.insertInto('users').values(rows).execute()
    }
  })
  const userIds = (await db.selectFrom('users').select('id').execute()).map((u) => u.id)

  // Activity is dated after the post, most of it soon after (exponential), never in the future:
  // the reports count by these dates, so they must look like a real board's.
  const later = (from: string, meanDays: number) =>
    new Date(Math.min(now, Date.parse(from) - Math.log(1 - rnd()) * meanDays * DAY)).toISOString()

  const BATCH = 1000
  for (let start = 0; start < n; start += BATCH) {
    const size = Math.min(BATCH, n - start)
    await db.transaction().execute(async (trx) => {
      const challenges = Array.from({ length: size }, () => {
        const words = Array.from({ length: 6 }, () => pick(WORDS))
        const title = `${words.slice(0, 4).join(' ')} – behöver lösas`.replace(/^./, (c) =>
          c.toUpperCase(),
        )
        const body = `Vi behöver hjälp med ${words.join(', ')}. Det påverkar många i området varje vecka.`
        const createdAt = new Date(now - rnd() * 3 * 365 * DAY).toISOString()
        // A long tail: most challenges get a few votes, some get many.
        const votes = Math.min(userIds.length - 1, Math.floor(-Math.log(1 - rnd()) * 10))
        const status = pick(STATUSES)
        // Most challenges are routed to a department, and most routed ones get an answer.
        const department = departments.length && rnd() < 0.7 ? pick(departments).id : null
        const answered = department !== null && status !== 'pending' && rnd() < 0.8
        const solvedAt = status === 'solved' ? later(createdAt, 40) : null
        return {
          row: {
            title,
            description_md: body,
            description_html: `<p>${body}</p>`,
            summary: body,
            category_id: pick(categories).id,
            area_id: pick(areas).id,
            author_id: pick(userIds),
            organisation_id: null,
            poster_kind: 'resident' as const,
            status,
            closed_reason: null,
            lat: null,
            lng: null,
            vote_count: votes,
            comment_count: 2,
            follower_count: 1,
            hidden_at: null,
            hidden_reason: null,
            edited_at: null,
            solved_at: solvedAt,
            department_id: department,
            first_response_at: answered ? later(createdAt, 5) : null,
            created_at: createdAt,
            // Solving stamps the challenge; the first answer does not, as in the app.
            updated_at: solvedAt ?? createdAt,
          },
          votes,
        }
      })
      const ids: number[] = []
      for (let i = 0; i < challenges.length; i += 200) {
        const inserted = await trx
          .insertInto('challenges')
          .values(challenges.slice(i, i + 200).map((c) => c.row))
          .returning('id')
          .execute()
        ids.push(...inserted.map((r) => r.id))
      }
      const votes: Array<{ challenge_id: number; user_id: number; created_at: string }> = []
      const comments: Array<Record<string, unknown>> = []
      const follows: Array<{ challenge_id: number; user_id: number; created_at: string }> = []
      ids.forEach((id, k) => {
        const c = challenges[k]!
        const offset = Math.floor(rnd() * userIds.length)
        for (let v = 0, u = 0; v < c.votes; u++) {
          const userId = userIds[(offset + u) % userIds.length]!
          if (userId === c.row.author_id) continue
          votes.push({ challenge_id: id, user_id: userId, created_at: later(c.row.created_at, 10) })
          v++
        }
        // The author follows from the moment of posting, as the app does.
        follows.push({ challenge_id: id, user_id: c.row.author_id, created_at: c.row.created_at })
        for (let m = 0; m < 2; m++) {
          const body = `Håller med om ${pick(WORDS)}.`
          comments.push({
            challenge_id: id,
            solution_id: null,
            parent_id: null,
            author_id: pick(userIds),
            body_md: body,
            body_html: `<p>${body}</p>`,
            deleted_at: null,
            hidden_at: null,
            hidden_reason: null,
            edited_at: null,
            created_at: later(c.row.created_at, 7),
          })
        }
      })
      for (let i = 0; i < votes.length; i += 500)
        await trx
          .insertInto('challenge_votes')
          .values(votes.slice(i, i + 500))
          .execute()
      for (let i = 0; i < comments.length; i += 300)
        await trx
          .insertInto('comments')
          .values(comments.slice(i, i + 300) as never)
          .execute()
      for (let i = 0; i < follows.length; i += 500)
        await trx
          .insertInto('follows')
          .values(follows.slice(i, i + 500))
          .execute()
      // Search index, statuses' histories: what the app would have written.
      await sql`insert into challenges_fts (${searchKey(trx)}, title, body)
        select id, title, description_md from challenges where id between ${ids[0]!} and ${ids.at(-1)!}`.execute(
        trx,
      )
      await sql`insert into challenge_status_history (challenge_id, actor_id, from_status, to_status, created_at)
        select id, author_id, null, status, created_at from challenges where id between ${ids[0]!} and ${ids.at(-1)!}`.execute(
        trx,
      )
      await recomputeTrending(trx, { ids })
    })
    onProgress(Math.min(start + size, n), n)
  }
}
