import { sql, type ExpressionBuilder } from 'kysely'
import type { Database, FlagSubject } from '#db/schema'
import { db, type Executor } from '~/db.server'

// A post of any kind and the table it lives in: flags, hiding, appeals, held posts, account
// deletion and the audit names all reach a post through this one map.

/** The table of each kind of post. */
export const POST_TABLE = {
  challenge: 'challenges',
  solution: 'solutions',
  comment: 'comments',
  pledge: 'pledges',
} as const
export type PostKind = keyof typeof POST_TABLE

/**
 * The table of everything that can be flagged, hidden and appealed: the text posts, and a
 * single photo (issue 13), which has no `author_id` or `challenge_id` of its own (its uploader
 * is `user_id`; its challenge is reached through its challenge, solution or progress update).
 */
export const FLAGGABLE_TABLE = {
  challenge: 'challenges',
  solution: 'solutions',
  comment: 'comments',
  photo: 'photos',
} as const satisfies Record<FlagSubject, string>

/**
 * The same comment or proposal sent twice within a minute (double click, resend) is one post:
 * the first one's id, if there is one. Inside the transaction that holds the challenge's lock,
 * so a double submit finds the first post only once it is written.
 */
export async function recentRepeat(
  executor: Executor,
  table: 'comments' | 'solutions',
  post: { challengeId: number; authorId: number; body: string },
): Promise<number | undefined> {
  const row = await executor
    .selectFrom(table)
    .select('id')
    .where('challenge_id', '=', post.challengeId)
    .where('author_id', '=', post.authorId)
    .where('body_md', '=', post.body)
    .where('created_at', '>', new Date(Date.now() - 60_000).toISOString())
    .executeTakeFirst()
  return row?.id
}

/**
 * Hides a post (flagged kinds carry `hidden_at`/`hidden_reason`) or shows it again (`null`),
 * or only changes the reason of a hidden one. A photo also keeps who hid it (`by`).
 */
export async function setPostHidden(
  executor: Executor,
  post: { subjectType: FlagSubject; subjectId: number },
  values: { hidden_at?: string | null; hidden_reason: string | null },
  by?: number | null,
) {
  if (post.subjectType === 'photo') {
    await executor
      .updateTable('photos')
      .set({
        ...values,
        ...(values.hidden_at !== undefined
          ? { hidden_by: values.hidden_at === null ? null : (by ?? null) }
          : {}),
      })
      .where('id', '=', post.subjectId)
      .execute()
    return
  }
  await executor
    .updateTable(POST_TABLE[post.subjectType])
    .set(values)
    .where('id', '=', post.subjectId)
    .execute()
}

/**
 * Photos with the challenge each belongs to (`challenges`), through its challenge, solution or
 * progress update (`solutions`, `pledge_updates`, `pledges` joined when it has one). A draft,
 * on no post yet, has no challenge and is left out.
 */
export function photosWithChallenge(executor: Executor) {
  return executor
    .selectFrom('photos')
    .leftJoin('solutions', 'solutions.id', 'photos.solution_id')
    .leftJoin('pledge_updates', 'pledge_updates.id', 'photos.pledge_update_id')
    .leftJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id')
    .innerJoin('challenges', (join) =>
      join.on((eb) =>
        eb(
          'challenges.id',
          '=',
          eb.fn.coalesce('photos.challenge_id', 'solutions.challenge_id', 'pledges.challenge_id'),
        ),
      ),
    )
}

/** The post's row (with its author and challenge), whatever its kind. */
export async function findPost(executor: Executor, subjectType: FlagSubject, subjectId: number) {
  if (subjectType === 'photo') {
    return photosWithChallenge(executor)
      .select([
        'photos.id',
        'photos.user_id as author_id',
        'photos.hidden_at',
        'photos.hidden_reason',
        'challenges.id as challenge_id',
        'challenges.title',
      ])
      .where('photos.id', '=', subjectId)
      .executeTakeFirst()
  }
  if (subjectType === 'challenge') {
    const row = await executor
      .selectFrom('challenges')
      .select(['id', 'author_id', 'hidden_at', 'hidden_reason', 'title'])
      .where('id', '=', subjectId)
      .executeTakeFirst()
    return row ? { ...row, challenge_id: row.id } : undefined
  }
  const row = await executor
    .selectFrom(POST_TABLE[subjectType])
    .innerJoin(
      'challenges',
      'challenges.id',
      `${POST_TABLE[subjectType]}.challenge_id` as 'solutions.challenge_id',
    )
    .select([
      `${POST_TABLE[subjectType]}.id as id` as 'solutions.id',
      `${POST_TABLE[subjectType]}.author_id as author_id` as 'solutions.author_id',
      `${POST_TABLE[subjectType]}.hidden_at as hidden_at` as 'solutions.hidden_at',
      `${POST_TABLE[subjectType]}.hidden_reason as hidden_reason` as 'solutions.hidden_reason',
      'challenges.id as challenge_id',
      'challenges.title',
    ])
    .where(`${POST_TABLE[subjectType]}.id` as 'solutions.id', '=', subjectId)
    .executeTakeFirst()
  return row as
    | {
        id: number
        author_id: number | null
        hidden_at: string | null
        hidden_reason: string | null
        challenge_id: number
        title: string
      }
    | undefined
}

/** Whether a post (of any kind) belongs to this challenge: forms may only act on their own page's posts. */
export async function isPostOf(
  challengeId: number,
  post: { subjectType: FlagSubject; subjectId: number },
) {
  return (await findPost(db, post.subjectType, post.subjectId))?.challenge_id === challengeId
}

/**
 * A condition on a row naming a post by `subject_type` and `subject_id` (an audit entry, a
 * flag): the post is a challenge, solution, comment or photo whose `column` is `value`, e.g. every
 * post of one challenge (`challenge_id`) or by one person (`author_id`).
 */
export function namesPostWhere<DB, TB extends keyof DB>(
  ebOf: ExpressionBuilder<DB, TB>,
  table: 'audit_log' | 'flags',
  column: 'challenge_id' | 'author_id',
  value: number,
) {
  // Callers' builders carry their joins (nullable columns); only these tables are read here.
  const eb = ebOf as unknown as ExpressionBuilder<Database, 'audit_log' | 'flags'>
  const type = sql.ref<string>(`${table}.subject_type`)
  const id = sql.ref<number>(`${table}.subject_id`)
  // A photo: by its uploader, or on the challenge itself or one of its solutions or updates.
  const photos =
    column === 'author_id'
      ? eb.selectFrom('photos').select('photos.id').where('photos.user_id', '=', value)
      : eb
          .selectFrom('photos')
          .select('photos.id')
          .where((p) =>
            p.or([
              p('photos.challenge_id', '=', value),
              p(
                'photos.solution_id',
                'in',
                p.selectFrom('solutions').select('solutions.id').where('challenge_id', '=', value),
              ),
              p(
                'photos.pledge_update_id',
                'in',
                p
                  .selectFrom('pledge_updates')
                  .innerJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id')
                  .select('pledge_updates.id')
                  .where('pledges.challenge_id', '=', value),
              ),
            ]),
          )
  return eb.or([
    eb.and([eb(type, '=', 'photo'), eb(id, 'in', photos)]),
    ...(['challenge', 'solution', 'comment'] as const).map((kind) =>
      eb.and([
        eb(type, '=', kind),
        kind === 'challenge' && column === 'challenge_id'
          ? eb(id, '=', value)
          : eb(
              id,
              'in',
              eb
                .selectFrom(POST_TABLE[kind] as 'solutions')
                .select('id')
                .where(kind === 'challenge' ? 'author_id' : column, '=', value),
            ),
      ]),
    ),
  ])
}
