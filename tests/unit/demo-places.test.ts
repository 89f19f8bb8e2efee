import { describe, expect, it } from 'vitest'
import { DEMO_PLACES, demoChallenges } from '../../db/seed/demo-challenges'
import { boundsOf, roundCoordinate, withinBounds } from '~/models/place'
import { SETTING_DEFAULTS } from '~/models/settings.server'

describe('the demo town’s places', () => {
  it('name demo challenges, and lie inside the default box, already rounded', () => {
    const titles = new Set(demoChallenges.map((c) => c.title))
    const bounds = boundsOf(SETTING_DEFAULTS)
    for (const [title, place] of Object.entries(DEMO_PLACES)) {
      expect(titles.has(title), title).toBe(true)
      expect(place.text.length, title).toBeLessThanOrEqual(200)
      if (place.lat === undefined || place.lng === undefined) continue
      expect(withinBounds({ lat: place.lat, lng: place.lng }, bounds), title).toBe(true)
      expect([roundCoordinate(place.lat), roundCoordinate(place.lng)]).toEqual([
        place.lat,
        place.lng,
      ])
    }
  })
})
