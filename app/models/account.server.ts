import type { OrganisationKind } from '#db/schema'
import type { Locale } from '~/i18n'
import { db, transaction, type Executor } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import { getOrganisationById } from '~/models/organisation.server'
import { carryOutRegistration, type RegistrationIntent } from '~/models/registration-intent.server'
import {
  createResetToken,
  findUsableResetToken,
  RESET_TOKEN_TTL_MS,
  spendResetToken,
  spendResetTokens,
} from '~/models/password-reset.server'
import { deleteUserSessions } from '~/models/session.server'
import { createConfirmationToken } from '~/models/email-confirmation.server'
import { isUniqueViolation } from '~/db.server'
import {
  getUserByEmail,
  getUserById,
  insertUser,
  normaliseEmail,
  setUserPassword,
} from '~/models/user.server'
import { queueMail } from '~/services/mail.server'
import { hashPassword, verifyPassword } from '~/services/password.server'
import { isLocale } from '~/i18n'

export type Representation =
  | { kind: 'none' }
  | {
      kind: 'new'
      name: string
      organisationKind: Extract<OrganisationKind, 'business' | 'association'>
    }
  | { kind: 'join'; organisationId: number }

export class UnknownOrganisation extends Error {}

/** Where a registration came from, for the sign-up limits (keyed hashes, never the address). */
export interface SignupOrigin {
  address: string
  network: string
}

/**
 * A registration, answered the same way whether or not the address has an account (issue 10,
 * item 11): a new address gets its account and the welcome mail with the confirmation link,
 * in one transaction with the audit line, which keeps the organisation it represents or asks
 * to join until the link is used (carryOutRegistration); an address that has an account gets
 * nothing new, and its owner a mail saying someone tried, with links to sign in and to choose
 * a new password. Both spend one password hash and
 * one transaction with a mail, so neither is noticeably faster. Nobody is signed in: the link
 * in the mail does that.
 */
export async function registerAccount(input: Registration): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await attemptRegistration(input, passwordHash)
  } catch (error) {
    // Two simultaneous sign-ups for one address: the unique index let the other win, this
    // transaction was undone, and the second try finds the account and tells its owner.
    if (!(error instanceof EmailTaken)) throw error
    return attemptRegistration(input, passwordHash)
  }
}

interface Registration {
  name: string
  email: string
  password: string
  represent: Representation
  locale: Locale
  siteUrl: string
  ip: string | null
  origin?: SignupOrigin | null
}

type RegistrationResult = { created: boolean; userId: number }

/** Thrown inside the transaction when a simultaneous sign-up took the address first. */
class EmailTaken extends Error {}

function attemptRegistration(
  input: Registration,
  passwordHash: string,
): Promise<RegistrationResult> {
  return transaction(async (trx) => {
    const represent = input.represent
    // A bad choice is answered the same way for both, before anything else is looked at.
    const joining =
      represent.kind === 'join' ? await getOrganisationById(trx, represent.organisationId) : null
    // Municipal departments are staffed by admins, not by self-service requests.
    if (represent.kind === 'join' && (!joining || joining.kind === 'municipality'))
      throw new UnknownOrganisation()

    const existing = await trx
      .selectFrom('users')
      .select(['id', 'name', 'email', 'locale'])
      .where('email', '=', normaliseEmail(input.email))
      .executeTakeFirst()
    if (existing) {
      await tellOwnerOfAttempt(trx, existing, input)
      return { created: false, userId: existing.id }
    }
    let userId: number
    try {
      userId = await insertUser(trx, {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTaken()
      throw error
    }
    // What the registration asks for besides the account waits in its audit line until the
    // address is confirmed (see carryOutRegistration): made now, it would show whether the
    // address was free to anyone who looks for the organisation or owns the one to join.
    const intent: RegistrationIntent | undefined =
      represent.kind === 'new'
        ? { organisation: { name: represent.name, kind: represent.organisationKind } }
        : joining
          ? { joins: joining.id }
          : undefined
    await recordAudit(trx, {
      actorId: userId,
      action: 'user.register',
      subjectType: 'user',
      subjectId: userId,
      after: intent,
      ip: input.ip,
    })

    const confirmToken = await createConfirmationToken(trx, userId, new Date(), {
      origin: input.origin ?? null,
    })
    await queueMail(
      trx,
      input.email,
      {
        name: 'welcome',
        values: {
          name: input.name,
          url: `${input.siteUrl}/confirm-email/${confirmToken}`,
        },
      },
      input.locale,
    )
    return { created: true, userId }
  })
}

/** "Someone tried to register with your address": sign in, or choose a new password. */
async function tellOwnerOfAttempt(
  trx: Executor,
  owner: { id: number; name: string; email: string; locale: string | null },
  input: { locale: Locale; siteUrl: string },
) {
  await queueMail(
    trx,
    owner.email,
    {
      name: 'accountExists',
      values: {
        name: owner.name,
        email: owner.email,
        login: `${input.siteUrl}/login`,
        url: `${input.siteUrl}/forgot-password`,
      },
    },
    isLocale(owner.locale) ? owner.locale : input.locale,
  )
}

/**
 * Always resolves the same way, whether or not the account exists: the caller shows one message.
 */
export async function requestPasswordReset(input: {
  email: string
  locale: Locale
  siteUrl: string
  ip: string | null
}): Promise<void> {
  const user = await getUserByEmail(input.email)
  if (!user) return
  await transaction(async (trx) => {
    const token = await createResetToken(trx, user.id)
    await queueMail(
      trx,
      user.email,
      {
        name: 'passwordReset',
        values: {
          name: user.name,
          url: `${input.siteUrl}/reset-password/${token}`,
          minutes: RESET_TOKEN_TTL_MS / 60_000,
        },
      },
      isLocale(user.locale) ? user.locale : input.locale,
    )
    await recordAudit(trx, {
      actorId: user.id,
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
    })
  })
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  return Boolean(await findUsableResetToken(db, token))
}

/**
 * Sets the new password, spends every open reset link and ends every session of the user.
 * Returns false when the token is unknown, used or expired.
 */
export async function resetPassword(input: { token: string; password: string; ip: string | null }) {
  const passwordHash = await hashPassword(input.password)
  return transaction(async (trx) => {
    const token = await spendResetToken(trx, input.token)
    if (!token) return false
    // The link came through the mailbox: the address is confirmed, as by the welcome link. So
    // someone who lost the welcome mail, or whose address a stranger registered first with a
    // password of their own, gets in with the password they choose here.
    const confirmed = await trx
      .updateTable('users')
      .set({ email_verified_at: new Date().toISOString() })
      .where('id', '=', token.user_id)
      .where('email_verified_at', 'is', null)
      .executeTakeFirst()
    if (Number(confirmed.numUpdatedRows) > 0)
      await carryOutRegistration(trx, token.user_id, input.ip)
    await replacePassword(trx, token.user_id, passwordHash, {
      action: 'user.password_reset',
      ip: input.ip,
    })
    return true
  })
}

/**
 * A new password ends everything the old one opened: the reset links still open and every
 * session, on every device.
 */
async function replacePassword(
  trx: Executor,
  userId: number,
  passwordHash: string,
  audit: { action: 'user.password_reset' | 'user.password_change'; ip: string | null },
) {
  await setUserPassword(trx, userId, passwordHash)
  await spendResetTokens(trx, userId)
  await deleteUserSessions(trx, userId)
  await recordAudit(trx, {
    actorId: userId,
    action: audit.action,
    subjectType: 'user',
    subjectId: userId,
    ip: audit.ip,
  })
}

/** Ends every session of this user, on every device, this one included. */
export async function logOutEverywhere(userId: number, ip: string | null) {
  return transaction(async (trx) => {
    const ended = await deleteUserSessions(trx, userId)
    await recordAudit(trx, {
      actorId: userId,
      action: 'user.logout_everywhere',
      subjectType: 'user',
      subjectId: userId,
      after: { ended },
      ip,
    })
    return ended
  })
}

/**
 * Changes the password of a signed-in user who knows the current one. Every session ends
 * (the caller signs this device in again). Returns false when the current password is wrong.
 */
export async function changePassword(input: {
  userId: number
  current: string
  password: string
  ip: string | null
}): Promise<boolean> {
  const user = await getUserById(input.userId)
  if (!user || !(await verifyPassword(user.password_hash, input.current))) return false
  const passwordHash = await hashPassword(input.password)
  await transaction((trx) =>
    replacePassword(trx, user.id, passwordHash, { action: 'user.password_change', ip: input.ip }),
  )
  return true
}
