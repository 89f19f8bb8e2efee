import { db, transaction } from '~/db.server'
import { hashSecretToken, newSecretToken } from '~/services/secret-token.server'
import type { Executor } from '~/db.server'
import { deleteAccount } from '~/models/account-deletion.server'
import { recordAudit } from '~/models/audit.server'
import { carryOutRegistration } from '~/models/registration-intent.server'
import { isLocale, type Locale } from '~/i18n'
import { queueMail, type MailTemplate } from '~/services/mail.server'
import { log } from '~/services/log.server'
import { forUpdate } from '~/models/dialect.server'

/** A confirmation link works once, within this time. */
export const CONFIRMATION_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** Accounts whose address was never confirmed are deleted this long after registration. */
export const UNCONFIRMED_ACCOUNT_TTL_MS = 30 * 24 * 60 * 60 * 1000

/** A sign-in link (mailed while an account is under attack) works once, within this time. */
export const SIGN_IN_LINK_TTL_MS = 20 * 60 * 1000

/**
 * A new e-mail link token (256 random bits): it confirms the address and signs its owner in,
 * whoever opens it, since only the mailbox's owner has it. Only its hash is stored; the raw
 * token goes into the mail and nowhere else. A registration's token also keeps where the
 * registration came from (keyed hashes), so confirming gives that place back in the limits.
 */
export async function createConfirmationToken(
  executor: Executor,
  userId: number,
  now = new Date(),
  options: { ttlMs?: number; origin?: { address: string; network: string } | null } = {},
): Promise<string> {
  const token = newSecretToken()
  await executor
    .insertInto('email_confirmation_tokens')
    .values({
      user_id: userId,
      token_hash: hashSecretToken(token),
      expires_at: new Date(
        now.getTime() + (options.ttlMs ?? CONFIRMATION_TOKEN_TTL_MS),
      ).toISOString(),
      signup_address: options.origin?.address ?? null,
      signup_network: options.origin?.network ?? null,
      created_at: now.toISOString(),
    })
    .execute()
  return token
}

/**
 * Sends a fresh confirmation link (older links keep working until they expire). False when
 * the address is already confirmed or the user does not exist.
 */
export async function sendConfirmationMail(input: LinkMailInput): Promise<boolean> {
  return mailLink(input, {
    onlyUnconfirmed: true,
    template: (name, url) => ({
      name: 'confirmEmail',
      values: { name, url, days: CONFIRMATION_TOKEN_TTL_MS / 86_400_000 },
    }),
  })
}

/**
 * Mails a link that signs the user in, valid for SIGN_IN_LINK_TTL_MS: the way in while the
 * account is under attack and this browser is not one it knows (issue 10, item 4).
 */
export async function sendSignInLink(input: LinkMailInput): Promise<boolean> {
  return mailLink(input, {
    ttlMs: SIGN_IN_LINK_TTL_MS,
    template: (name, url) => ({
      name: 'signInLink',
      values: { name, url, minutes: SIGN_IN_LINK_TTL_MS / 60_000 },
    }),
  })
}

type LinkMailInput = { userId: number; siteUrl: string; locale: Locale }

/**
 * A new token and the mail carrying its link, in one transaction: no mail for a token that was
 * not saved. In the person's own language when they chose one.
 */
function mailLink(
  input: LinkMailInput,
  link: {
    ttlMs?: number
    /** A confirmation link is for an address not yet confirmed. */
    onlyUnconfirmed?: boolean
    template: (name: string, url: string) => MailTemplate
  },
): Promise<boolean> {
  return transaction(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'email_verified_at'])
      .where('id', '=', input.userId)
      .executeTakeFirst()
    if (!user || (link.onlyUnconfirmed && user.email_verified_at)) return false
    const token = await createConfirmationToken(trx, user.id, new Date(), { ttlMs: link.ttlMs })
    await queueMail(
      trx,
      user.email,
      link.template(user.name, `${input.siteUrl}/confirm-email/${token}`),
      isLocale(user.locale) ? user.locale : input.locale,
    )
    return true
  })
}

export type TokenState = 'usable' | 'expired' | 'unknown'

/**
 * Whether a link can still be used, without using it (the GET page), and what it does: confirm
 * an address not yet confirmed, or only sign in (a sign-in link, or a second welcome link).
 */
export async function confirmationTokenState(
  token: string,
  now = new Date(),
): Promise<{ state: TokenState; confirms: boolean }> {
  const row = await db
    .selectFrom('email_confirmation_tokens')
    .innerJoin('users', 'users.id', 'email_confirmation_tokens.user_id')
    .select(['email_confirmation_tokens.expires_at', 'users.email_verified_at'])
    .where('token_hash', '=', hashSecretToken(token))
    .executeTakeFirst()
  if (!row) return { state: 'unknown', confirms: false }
  return {
    state: row.expires_at > now.toISOString() ? 'usable' : 'expired',
    confirms: row.email_verified_at === null,
  }
}

/**
 * Uses an e-mail link: confirms the address it was sent to (if not yet) and names the user the
 * caller signs in. Single use: every link of the user is spent (deleted) with it. `origin` is
 * where the registration came from, when this is the confirmation that frees its place in the
 * sign-up limits. A first confirmation also carries out what the registration asked for: its
 * organisation, or its join request and the owners' mail.
 */
export async function confirmEmail(
  token: string,
  options: { ip?: string | null; now?: Date } = {},
): Promise<
  | {
      ok: true
      userId: number
      newlyConfirmed: boolean
      origin: { address: string; network: string } | null
    }
  | { ok: false; reason: 'expired' | 'unknown' }
> {
  const now = options.now ?? new Date()
  return transaction(async (trx) => {
    // Locked: of several requests with the same link, the first spends (deletes) it and the
    // others then find nothing.
    const row = await forUpdate(
      trx
        .selectFrom('email_confirmation_tokens')
        .select(['user_id', 'expires_at'])
        .where('token_hash', '=', hashSecretToken(token)),
    ).executeTakeFirst()
    if (!row) return { ok: false as const, reason: 'unknown' as const }
    if (row.expires_at <= now.toISOString())
      return { ok: false as const, reason: 'expired' as const }
    const signup = await trx
      .selectFrom('email_confirmation_tokens')
      .select(['signup_address', 'signup_network'])
      .where('user_id', '=', row.user_id)
      .where('signup_address', 'is not', null)
      .executeTakeFirst()
    const confirmed = await trx
      .updateTable('users')
      .set({ email_verified_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', row.user_id)
      .where('email_verified_at', 'is', null)
      .executeTakeFirst()
    const newlyConfirmed = Number(confirmed.numUpdatedRows) > 0
    await trx.deleteFrom('email_confirmation_tokens').where('user_id', '=', row.user_id).execute()
    if (newlyConfirmed) {
      await recordAudit(trx, {
        actorId: row.user_id,
        action: 'user.email_confirmed',
        subjectType: 'user',
        subjectId: row.user_id,
        ip: options.ip ?? null,
      })
      await carryOutRegistration(trx, row.user_id, options.ip ?? null)
    }
    return {
      ok: true as const,
      userId: row.user_id,
      newlyConfirmed,
      origin:
        newlyConfirmed && signup?.signup_address && signup.signup_network
          ? { address: signup.signup_address, network: signup.signup_network }
          : null,
    }
  })
}

/** Removes confirmation tokens past their expiry. */
export async function purgeExpiredConfirmationTokens(now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('email_confirmation_tokens')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Deletes accounts whose address was never confirmed within 30 days of registration. What they
 * wrote stays as "former member" (moderation deals with spam; the system never hard-deletes a
 * person's posts). One transaction per account, so one failure does not undo the others.
 */
export async function purgeUnconfirmedAccounts(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_ACCOUNT_TTL_MS).toISOString()
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('email_verified_at', 'is', null)
    .where('created_at', '<', cutoff)
    // Staff accounts are made or promoted by an admin, who vouches for them.
    .where('role', '=', 'member')
    .orderBy('id')
    .execute()
  let deleted = 0
  for (const row of rows) {
    try {
      await deleteAccount(row.id, { contributions: 'keep', reason: 'unconfirmed' })
      deleted++
    } catch (error) {
      log.error('purge_unconfirmed_failed', { userId: row.id, error: String(error) })
    }
  }
  if (deleted) log.info('purged_unconfirmed_accounts', { count: deleted })
  return deleted
}
