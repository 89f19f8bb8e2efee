// When digests go out: daily at 07:00 and weekly on Mondays at 07:00, in the town's time zone,
// so a reader gets one mail with the morning coffee instead of one at whatever minute the
// server happened to start.
export const DIGEST_TIME_ZONE = 'Europe/Stockholm'
export const DIGEST_HOUR = 7

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DIGEST_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
})

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

function localParts(date: Date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]))
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  }
}

/** Milliseconds the zone is ahead of UTC at this instant (+1 h in winter, +2 h in summer). */
function zoneOffset(date: Date) {
  const p = localParts(date)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(date.getTime() / 1000) * 1000
}

/** The instant at which the town's clock shows this local date at DIGEST_HOUR:00. */
function localMorning(year: number, month: number, day: number) {
  const guess = Date.UTC(year, month - 1, day, DIGEST_HOUR)
  const first = guess - zoneOffset(new Date(guess))
  // Once more: the offset at the real instant can differ from the guess's across a DST change.
  return new Date(guess - zoneOffset(new Date(first)))
}

/** The latest scheduled send time at or before `now` for a daily or weekly digest. */
export function latestDigestSlot(frequency: 'daily' | 'weekly', now: Date): Date {
  const p = localParts(now)
  const back = frequency === 'weekly' ? p.weekday : 0
  let slot = localMorning(p.year, p.month, p.day - back)
  if (slot.getTime() > now.getTime()) {
    const step = frequency === 'weekly' ? 7 : 1
    slot = localMorning(p.year, p.month, p.day - back - step)
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
