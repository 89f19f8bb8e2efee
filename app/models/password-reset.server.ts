import { db } from '~/db.server'
import { hashSecretToken, newSecretToken } from '~/services/secret-token.server'
import type { Executor } from '~/db.server'

/** A reset link works once, within this time. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000

/** Stores only the token's hash; the raw token goes into the email and nowhere else. */
export async function createResetToken(executor: Executor, userId: number, now = new Date()) {
  const token = newSecretToken()
  await executor
    .insertInto('password_reset_tokens')
    .values({
      user_id: userId,
      token_hash: hashSecretToken(token),
      expires_at: new Date(now.getTime() + RESET_TOKEN_TTL_MS).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute()
  return token
}

/** The user a token belongs to, if it is unused and unexpired. */
export async function findUsableResetToken(executor: Executor, token: string, now = new Date()) {
  return executor
    .selectFrom('password_reset_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', hashSecretToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst()
}

/**
 * Spends one token if it is still unused and unexpired, and names its user: one statement, so
 * of several requests with the same link exactly one gets the user (the others, undefined).
 */
export async function spendResetToken(executor: Executor, token: string, now = new Date()) {
  return executor
    .updateTable('password_reset_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', hashSecretToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning(['id', 'user_id'])
    .executeTakeFirst()
}

/** Marks every open token of the user used, so one reset closes all older links too. */
export async function spendResetTokens(executor: Executor, userId: number, now = new Date()) {
  await executor
    .updateTable('password_reset_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute()
}

export async function purgeOldResetTokens(now = new Date()) {
  await db
    .deleteFrom('password_reset_tokens')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString())
    .execute()
}
