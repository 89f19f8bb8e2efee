import { z } from 'zod'
import { migrateToLatest } from '../db/connection'
import { args, openFromEnv, run } from '../db/cli'
import { recordAudit } from '../app/models/audit.server'
import { deleteUserSessions } from '../app/models/session.server'
import { insertUser, setUserPassword, setUserRole } from '../app/models/user.server'
import { hashPassword } from '../app/services/password.server'

const usage =
  'Usage: npm run user:create -- --email E --password P --role member|moderator|admin [--name N]'

const Input = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(8, 'password: at least 8 characters').max(1024),
  role: z.enum(['member', 'moderator', 'admin']),
  name: z.string().trim().min(1).max(80).optional(),
})

/** Creates a user, or sets the role and password of an existing one (an operator's reset). */
run(async () => {
  const { values } = args({
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', default: 'member' },
    name: { type: 'string' },
  })
  const parsed = Input.safeParse(values)
  if (!parsed.success) {
    throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${usage}`)
  }
  const { email, password, role } = parsed.data
  const handle = openFromEnv()
  try {
    await migrateToLatest(handle.db)
    const passwordHash = await hashPassword(password)
    const existing = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    await handle.db.transaction().execute(async (trx) => {
      let id = existing?.id
      if (id) {
        await setUserRole(trx, id, role)
        await setUserPassword(trx, id, passwordHash)
        await deleteUserSessions(trx, id)
      } else {
        const name = parsed.data.name ?? email.split('@')[0]!
        id = await insertUser(trx, { email, name, passwordHash, role })
        // An operator vouches for the address: never purged as unconfirmed.
        await trx
          .updateTable('users')
          .set({ email_verified_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute()
      }
      await recordAudit(trx, {
        actorId: null,
        action: existing ? 'user.update_cli' : 'user.create_cli',
        subjectType: 'user',
        subjectId: id,
        after: { role },
        reason: 'npm run user:create',
      })
    })
    console.log(`${existing ? 'Updated' : 'Created'} ${role} ${email}`)
  } finally {
    await handle.close()
  }
})
