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
