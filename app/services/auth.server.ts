import { Authenticator } from 'remix-auth'
import { FormStrategy } from 'remix-auth-form'
import { getUserByEmail, normaliseEmail } from '~/models/user.server'
import { burnPasswordCheck, verifyPassword } from '~/services/password.server'
import { isBanned, needsEmailConfirmation } from '~/utils/policy'

/**
 * Thrown by the form strategy; the login action turns it into its answer. 'unconfirmed' is the
 * right password for an account whose address was never confirmed: answered like a wrong one
 * (issue 10, item 11), or "register, then sign in with that password" would tell whether the
 * address already had an account.
 */
export class LoginFailed extends Error {
  constructor(
    public reason: 'invalid' | 'banned' | 'unconfirmed',
    public bannedUntil?: string,
    public userId?: number,
  ) {
    super(reason)
  }
}

// remix-auth v4 keeps no session: authenticate() returns the user id or throws, and the
// login action starts our own database session.
export const authenticator = new Authenticator<number>()

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const email = normaliseEmail(String(form.get('email') ?? ''))
    const password = String(form.get('password') ?? '')
    const user = await getUserByEmail(email)
    // Unknown email and wrong password take the same path, time and answer.
    const ok = user
      ? await verifyPassword(user.password_hash, password)
      : await burnPasswordCheck(password)
    if (!user || !ok) throw new LoginFailed('invalid')
    if (needsEmailConfirmation(user)) {
      throw new LoginFailed('unconfirmed', undefined, user.id)
    }
    if (isBanned(user.banned_until)) {
      throw new LoginFailed('banned', user.banned_until ?? undefined, user.id)
    }
    return user.id
  }),
  'form',
)

/** remix-auth wraps errors from verify; find ours again. */
export function asLoginFailed(error: unknown): LoginFailed | null {
  if (error instanceof LoginFailed) return error
  if (error instanceof Error && error.cause instanceof LoginFailed) return error.cause
  return null
}
