import { z } from 'zod'
import { migrateToLatest } from '../db/connection'
import { args, openFromEnv, run } from '../db/cli'
import { hashPassword } from '../app/services/password.server'

const usage =
  'Usage: npm run user:create -- --email E --password P --role member|moderator|admin [--name N]'

const Input = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(8, 'password: at least 8 characters').max(1024),
  role: z.enum(['member', 'moderator', 'admin']),
  name: z.string().trim().min(1).max(80).optional(),
})

/** Creates a user, or updates the role and password of an existing one (an operator's reset). */
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
  const name = parsed.data.name ?? email.split('@')[0]!
  const handle = openFromEnv()
  try {
    await migrateToLatest(handle.db)
    const passwordHash = await hashPassword(password)
    const now = new Date().toISOString()
    const existing = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst()
    await handle.db.transaction().execute(async (trx) => {
      let id = existing?.id
      if (id) {
        await trx
          .updateTable('users')
          .set({ role, password_hash: passwordHash, updated_at: now })
          .where('id', '=', id)
          .execute()
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute()
      } else {
        id = (
          await trx
            .insertInto('users')
            .values({
              email,
              name,
              password_hash: passwordHash,
              role,
              locale: null,
              email_verified_at: now,
              banned_until: null,
              ban_reason: null,
              last_login_at: null,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      }
      await trx
        .insertInto('audit_log')
        .values({
          actor_id: null,
          action: existing ? 'user.update_cli' : 'user.create_cli',
          subject_type: 'user',
          subject_id: id,
          after: JSON.stringify({ role }),
          before: null,
          reason: 'npm run user:create',
          ip: null,
        })
        .execute()
    })
    console.log(`${existing ? 'Updated' : 'Created'} ${role} ${email}`)
  } finally {
    await handle.close()
  }
})
