import type { OrganisationKind, Role } from '#db/schema'
import { db } from '~/db.server'
import { insertMembership, insertOrganisation } from '~/models/organisation.server'
import { insertUser } from '~/models/user.server'
import { hashPassword } from '~/services/password.server'

let sequence = 0
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`

export const DEFAULT_PASSWORD = 'a long test passphrase'

export async function createUser(
  overrides: { role?: Role; email?: string; name?: string; password?: string } = {},
) {
  const id = next()
  const email = overrides.email ?? `user-${id}@example.se`
  const password = overrides.password ?? DEFAULT_PASSWORD
  const userId = await insertUser(db, {
    email,
    name: overrides.name ?? `Testa Testsson ${id}`,
    passwordHash: await hashPassword(password),
    role: overrides.role ?? 'member',
    locale: 'sv',
  })
  return { id: userId, email, password }
}

export async function createOrganisation(
  overrides: { name?: string; kind?: OrganisationKind; ownerId?: number } = {},
) {
  const org = await insertOrganisation(db, {
    name: overrides.name ?? `Testföretaget ${next()}`,
    kind: overrides.kind ?? 'business',
  })
  if (overrides.ownerId) {
    await insertMembership(db, {
      organisationId: org.id,
      userId: overrides.ownerId,
      role: 'owner',
      status: 'active',
    })
  }
  return org
}
