import { describe, expect, it } from 'vitest'
import { firstShiftingUtcHour, townDay, townDayOfUtcHour, townMidnight } from '~/services/town-time'

describe("the town's clock (Europe/Stockholm)", () => {
  it('knows when its days begin, winter and summer', () => {
    expect(townMidnight('2026-01-15')).toBe('2026-01-14T23:00:00.000Z')
    expect(townMidnight('2026-07-01')).toBe('2026-06-30T22:00:00.000Z')
    // The days the clocks change begin at the old offset.
    expect(townMidnight('2026-03-29')).toBe('2026-03-28T23:00:00.000Z')
    expect(townMidnight('2026-10-25')).toBe('2026-10-24T22:00:00.000Z')
    expect(townMidnight('2027-01-01')).toBe('2026-12-31T23:00:00.000Z')
  })

  it('maps UTC hours to its dates exactly as the time-zone data does, every hour of two years', () => {
    const dayOf = townDayOfUtcHour()
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      const hour = new Date(t).toISOString().slice(0, 13)
      expect(dayOf(hour), hour).toBe(townDay(new Date(t)))
    }
  })

  it('knows which UTC hours can already be its next day', () => {
    // UTC+1 in winter, UTC+2 in summer: from 22:00 UTC on.
    expect(firstShiftingUtcHour(2026)).toBe(22)
    const dayOf = townDayOfUtcHour()
    expect(dayOf('2026-07-01T21')).toBe('2026-07-01')
    expect(dayOf('2026-07-01T22')).toBe('2026-07-02')
    expect(dayOf('2026-01-01T22')).toBe('2026-01-01')
    expect(dayOf('2026-01-01T23')).toBe('2026-01-02')
  })
})
