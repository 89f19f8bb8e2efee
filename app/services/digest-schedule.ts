import { townInstant, townParts } from '~/services/town-time'

// When digests go out: daily at 07:00 and weekly on Mondays at 07:00, in the town's time zone,
// so a reader gets one mail with the morning coffee instead of one at whatever minute the
// server happened to start.
export const DIGEST_HOUR = 7

/** The latest scheduled send time at or before `now` for a daily or weekly digest. */
export function latestDigestSlot(frequency: 'daily' | 'weekly', now: Date): Date {
  const p = townParts(now)
  const back = frequency === 'weekly' ? p.weekday : 0
  let slot = townInstant(p.year, p.month, p.day - back, DIGEST_HOUR)
  if (slot.getTime() > now.getTime()) {
    const step = frequency === 'weekly' ? 7 : 1
    slot = townInstant(p.year, p.month, p.day - back - step, DIGEST_HOUR)
  }
  return slot
}

/**
 * A digest is due when something waiting for it happened before the latest slot: what happens
 * after 07:00 waits for the next morning (or Monday), and nothing is sent when nothing waits.
 */
export function digestDue(
  frequency: 'immediate' | 'daily' | 'weekly',
  oldestPending: Date,
  now: Date,
): boolean {
  if (frequency === 'immediate') return true
  return oldestPending.getTime() < latestDigestSlot(frequency, now).getTime()
}
