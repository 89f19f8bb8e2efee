import type { Role, User } from '#db/schema'
import { db, type Executor } from '~/db.server'

/** The fields the UI may see about the signed-in user; never the password hash. */
export interface SessionUser {
  id: number
  name: string
  email: string
  role: Role
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function getUserByEmail(email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst()
}

export async function getUserById(id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function getSessionUserById(id: number): Promise<SessionUser | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('banned_until', 'is', null), eb('banned_until', '<', new Date().toISOString())]),
    )
    .executeTakeFirst()
}

export async function insertUser(
  executor: Executor,
  input: { email: string; name: string; passwordHash: string; role?: Role; locale?: string | null },
): Promise<number> {
  const now = new Date().toISOString()
  const row = await executor
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      password_hash: input.passwordHash,
      role: input.role ?? 'member',
      locale: input.locale ?? null,
      email_verified_at: null,
      banned_until: null,
      ban_reason: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setUserPassword(executor: Executor, userId: number, passwordHash: string) {
  await executor
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute()
}

export async function setUserRole(executor: Executor, userId: number, role: Role) {
  await executor
    .updateTable('users')
    .set({ role, updated_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute()
}

export async function recordLogin(userId: number) {
  await db
    .updateTable('users')
    .set({ last_login_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute()
}

export async function setUserLocale(userId: number, locale: string) {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute()
}

export async function countUsers(): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * What a device cookie is bound to (issue 10, item 4): the current password hash and the
 * newest "sign out everywhere" of the account. Changing or resetting the password, or signing
 * out everywhere, changes it, so every device cookie issued before stops counting. Null for
 * an unknown account. Never leaves the server: device.server.ts only mixes it into an HMAC.
 */
export async function getDeviceBinding(userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      'users.password_hash',
      eb
        .selectFrom('audit_log')
        .select((sub) => sub.fn.max('audit_log.id').as('last'))
        .where('audit_log.subject_type', '=', 'user')
        .where('audit_log.subject_id', '=', eb.ref('users.id'))
        .where('audit_log.action', '=', 'user.logout_everywhere')
        .as('logged_out_everywhere'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst()
  return row ? JSON.stringify([row.password_hash, row.logged_out_everywhere ?? 0]) : null
}
