import { sql } from 'kysely'
import { closeDatabase, db, migrate } from '~/db.server'
import { purgeOldResetTokens } from '~/models/password-reset.server'
import { purgeExpiredSessions } from '~/models/session.server'
import { deliverOutbox, startOutboxWorker } from '~/services/mail.server'
import { seedDemoIfEmpty } from '#db/seed/demo'

/**
 * What the production server needs from the app, exported through the server build so that
 * the server and the routes share one database connection.
 */
export const runtime = {
  async start(options: { seedDemo: boolean }) {
    await migrate()
    if (options.seedDemo) await seedDemoIfEmpty(db)
    await purgeExpiredSessions()
    await purgeOldResetTokens()
    const stopWorker = startOutboxWorker()
    const housekeeping = setInterval(
      () => {
        void purgeExpiredSessions()
        void purgeOldResetTokens()
      },
      60 * 60 * 1000,
    )
    housekeeping.unref()
    return () => {
      stopWorker()
      clearInterval(housekeeping)
    }
  },
  /** True when the database answers a query. */
  async healthy(): Promise<boolean> {
    try {
      await sql`select 1`.execute(db)
      return true
    } catch {
      return false
    }
  },
  deliverOutbox,
  close: closeDatabase,
}
