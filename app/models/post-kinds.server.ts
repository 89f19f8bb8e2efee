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
 * Hides a post (flagged kinds carry `hidden_at`/`hidden_reason`) or shows it again (`null`),
 * or only changes the reason of a hidden one.
 */
export async function setPostHidden(
  executor: Executor,
  post: { subjectType: FlagSubject; subjectId: number },
  values: { hidden_at?: string | null; hidden_reason: string | null },
) {
  await executor
    .updateTable(POST_TABLE[post.subjectType])
    .set(values)
    .where('id', '=', post.subjectId)
    .execute()
}

/** The post's row (with its author and challenge), whatever its kind. */
export async function findPost(executor: Executor, subjectType: FlagSubject, subjectId: number) {
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
 * flag): the post is a challenge, solution or comment whose `column` is `value`, e.g. every
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
  return eb.or(
    (['challenge', 'solution', 'comment'] as const).map((kind) =>
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
  )
}
