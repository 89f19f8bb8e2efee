import type { OrganisationKind } from '#db/schema'
import type { Locale } from '~/i18n'
import { db } from '~/db.server'
import { recordAudit } from '~/models/audit.server'
import {
  getOrganisationById,
  getOrganisationOwners,
  insertMembership,
  insertOrganisation,
} from '~/models/organisation.server'
import {
  createResetToken,
  findUsableResetToken,
  RESET_TOKEN_TTL_MS,
  spendResetTokens,
} from '~/models/password-reset.server'
import { deleteUserSessions } from '~/models/session.server'
import { createConfirmationToken } from '~/models/email-confirmation.server'
import { isUniqueViolation } from '~/db.server'
import { getUserByEmail, getUserById, insertUser, setUserPassword } from '~/models/user.server'
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

export class EmailTaken extends Error {}
export class UnknownOrganisation extends Error {}

/**
 * Creates the account, and the organisation it represents or its request to join one, in one
 * transaction with its welcome mail (which carries the e-mail confirmation link) and audit lines.
 */
export async function registerAccount(input: {
  name: string
  email: string
  password: string
  represent: Representation
  locale: Locale
  siteUrl: string
  ip: string | null
}): Promise<number> {
  const passwordHash = await hashPassword(input.password)

  return db.transaction().execute(async (trx) => {
    let userId: number
    try {
      userId = await insertUser(trx, {
        email: input.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
      })
    } catch (error) {
      // The unique index decides, so two simultaneous sign-ups cannot both win.
      if (isUniqueViolation(error)) throw new EmailTaken()
      throw error
    }
    await recordAudit(trx, {
      actorId: userId,
      action: 'user.register',
      subjectType: 'user',
      subjectId: userId,
      ip: input.ip,
    })

    const represent = input.represent
    if (represent.kind === 'new') {
      const org = await insertOrganisation(trx, {
        name: represent.name,
        kind: represent.organisationKind,
      })
      await insertMembership(trx, {
        organisationId: org.id,
        userId,
        role: 'owner',
        status: 'active',
      })
      await recordAudit(trx, {
        actorId: userId,
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: org.id,
        after: { name: represent.name, kind: represent.organisationKind, slug: org.slug },
        ip: input.ip,
      })
    } else if (represent.kind === 'join') {
      const org = await getOrganisationById(trx, represent.organisationId)
      // Municipal departments are staffed by admins, not by self-service requests.
      if (!org || org.kind === 'municipality') throw new UnknownOrganisation()
      await insertMembership(trx, {
        organisationId: org.id,
        userId,
        role: 'member',
        status: 'pending',
      })
      const url = `${input.siteUrl}/organisations/${org.slug}`
      for (const owner of await getOrganisationOwners(trx, org.id)) {
        await queueMail(
          trx,
          owner.email,
          { name: 'joinRequest', values: { name: input.name, organisation: org.name, url } },
          isLocale(owner.locale) ? owner.locale : input.locale,
        )
      }
    }

    const confirmToken = await createConfirmationToken(trx, userId)
    await queueMail(
      trx,
      input.email,
      {
        name: 'welcome',
        values: { name: input.name, url: `${input.siteUrl}/confirm-email/${confirmToken}` },
      },
      input.locale,
    )
    return userId
  })
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
  await db.transaction().execute(async (trx) => {
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
  return db.transaction().execute(async (trx) => {
    const token = await findUsableResetToken(trx, input.token)
    if (!token) return false
    await setUserPassword(trx, token.user_id, passwordHash)
    await spendResetTokens(trx, token.user_id)
    await deleteUserSessions(trx, token.user_id)
    await recordAudit(trx, {
      actorId: token.user_id,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: token.user_id,
      ip: input.ip,
    })
    return true
  })
}

/** Ends every session of this user, on every device, this one included. */
export async function logOutEverywhere(userId: number, ip: string | null) {
  return db.transaction().execute(async (trx) => {
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
  await db.transaction().execute(async (trx) => {
    await setUserPassword(trx, user.id, passwordHash)
    await spendResetTokens(trx, user.id)
    await deleteUserSessions(trx, user.id)
    await recordAudit(trx, {
      actorId: user.id,
      action: 'user.password_change',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
    })
  })
  return true
}
