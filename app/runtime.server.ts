import { sql } from 'kysely'
import { closeDatabase, db, migrate } from '~/db.server'
import { purgeOldResetTokens } from '~/models/password-reset.server'
import {
  purgeExpiredConfirmationTokens,
  purgeUnconfirmedAccounts,
} from '~/models/email-confirmation.server'
import { purgeExpiredSessions } from '~/models/session.server'
import { recomputeTrending } from '~/models/trending.server'
import { deliverOutbox, startOutboxWorker } from '~/services/mail.server'
import { seedDemoIfEmpty } from '#db/seed/demo'
import { isLocalSite, publicUrl } from '~/env.server'
import { mailNotifications } from '~/models/notification-mail.server'
import { askFixedQuestions } from '~/models/fixed-question.server'
import { getSettings } from '~/models/settings.server'
import { purgeOldMail } from '~/models/outbox.server'
import { forgetResolvedFlagNetworks } from '~/models/flag.server'
import { log } from '~/services/log.server'
import { warmPasswordCheck } from '~/services/password.server'

/**
 * Purges expired sessions, reset and confirmation tokens, sent mail older than 30 days, and
 * accounts whose e-mail address was never confirmed within 30 days, lets activity older than
 * the trending window drop out of the trending scores, and asks "is it fixed?" about challenges
 * solved long enough ago; a failure is logged, never thrown, and does not stop the next job.
 */
async function housekeeping() {
  try {
    await purgeExpiredSessions()
    await purgeOldResetTokens()
    await purgeExpiredConfirmationTokens()
    await purgeUnconfirmedAccounts()
    await purgeOldMail()
    await forgetResolvedFlagNetworks()
  } catch (error) {
    log.error('housekeeping_failed', { error: String(error) })
  }
  try {
    await recomputeTrending(db)
  } catch (error) {
    log.error('trending_recompute_failed', { error: String(error) })
  }
  try {
    // "Is it fixed?": the mail follows from the notifications at the next minute's mail run.
    const { fixedQuestionDays } = await getSettings()
    const asked = await askFixedQuestions({ days: fixedQuestionDays })
    if (asked) log.info('fixed_questions_asked', { challenges: asked })
  } catch (error) {
    log.error('fixed_questions_failed', { error: String(error) })
  }
}

/**
 * What the production server needs from the app, exported through the server build so that
 * the server and the routes share one database connection.
 */
export const runtime = {
  async start(options: { seedDemo: boolean }) {
    await migrate()
    if (options.seedDemo) {
      // The demo logins are public: never seed them into a site others can reach.
      if (isLocalSite()) await seedDemoIfEmpty(db)
      else log.warn('demo_seed_skipped', { reason: 'PUBLIC_URL is not a local address' })
    }
    await housekeeping()
    await warmPasswordCheck()
    const stopWorker = startOutboxWorker()
    // Notification mail: at once for those who chose it, digests when their day or week is up.
    const mailer = setInterval(() => {
      mailNotifications(publicUrl().origin)
        .then((n) => (n ? deliverOutbox() : 0))
        .catch((error) => log.error('notification_mail_failed', { error: String(error) }))
    }, 60 * 1000)
    mailer.unref()
    const timer = setInterval(() => void housekeeping(), 60 * 60 * 1000)
    timer.unref()
    return () => {
      stopWorker()
      clearInterval(timer)
      clearInterval(mailer)
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
