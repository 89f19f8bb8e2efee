// The town's clock. Digests go out by it and reports count days and weeks by it, so that
// "Monday" and "1 January" mean what they mean to the people using the site.
export const TOWN_TIME_ZONE = 'Europe/Stockholm'

const DAY_MS = 24 * 60 * 60 * 1000

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TOWN_TIME_ZONE,
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

/** The town's calendar and clock at an instant; weekday 0 is Monday. */
export function townParts(date: Date) {
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

/** Milliseconds the town is ahead of UTC at this instant (+1 h in winter, +2 h in summer). */
export function townOffset(date: Date) {
  const p = townParts(date)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(date.getTime() / 1000) * 1000
}

/** The instant at which the town's clock shows this date (day may overflow) at `hour`:00. */
export function townInstant(year: number, month: number, day: number, hour = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour)
  const first = guess - townOffset(new Date(guess))
  // Once more: the offset at the real instant can differ from the guess's across a DST change.
  return new Date(guess - townOffset(new Date(first)))
}

/** When the town's day YYYY-MM-DD begins, as ISO 8601 UTC. */
export function townMidnight(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return townInstant(year, month, date).toISOString()
}

/** The town's date (YYYY-MM-DD) at an instant. */
export function townDay(date: Date): string {
  const p = townParts(date)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/**
 * Maps UTC hours ("YYYY-MM-DDTHH", as SQLite's substr(created_at, 1, 13) gives them) to the
 * town's dates. The offset is a whole number of hours and changes on two days a year, so it is
 * looked up once per UTC day (twice on the days it changes) rather than once per hour.
 */
export function townDayOfUtcHour(): (hour: string) => string {
  const days = new Map<string, { offsets: [number, number]; before: string; after: string }>()
  const shifted = (day: string, by: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10)
  return (hour) => {
    const day = hour.slice(0, 10)
    let known = days.get(day)
    if (!known) {
      const start = Date.parse(`${day}T00:00:00Z`)
      known = {
        offsets: [townOffset(new Date(start)), townOffset(new Date(start + DAY_MS - 1000))],
        before: shifted(day, -1),
        after: shifted(day, 1),
      }
      days.set(day, known)
    }
    const [early, late] = known.offsets
    const offset = early === late ? early : townOffset(new Date(Date.parse(`${hour}:00:00Z`)))
    const local = Number(hour.slice(11, 13)) + offset / 3_600_000
    return local >= 24 ? known.after : local < 0 ? known.before : day
  }
}

/**
 * The first UTC hour of a day that can already belong to the town's next day (22 for
 * Stockholm, UTC+1/+2). Earlier hours fall on the same date in the town, so a query only needs
 * the hour of the late ones. 0 (every hour matters) for a town behind UTC.
 */
export function firstShiftingUtcHour(year = new Date().getUTCFullYear()): number {
  const offsets = [0, 6].map((month) => townOffset(new Date(Date.UTC(year, month, 15))) / 3_600_000)
  if (Math.min(...offsets) < 0) return 0
  return 24 - Math.ceil(Math.max(...offsets))
}
