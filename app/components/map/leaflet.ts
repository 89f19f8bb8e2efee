// Maps on the pages that show one, and nowhere else: `import('./draw.client')` makes the
// browser build put the drawing code and Leaflet in chunks of their own, fetched when a map is
// first drawn, and Leaflet's stylesheet is added to the page at that moment.
import type * as Draw from './draw.client'

export type { MapTiles, MarkerPoint } from './types'
export type MapCode = typeof Draw

let loading: Promise<MapCode> | undefined

/** The map code and Leaflet's stylesheet, fetched once per page load. */
export function loadMapCode(): Promise<MapCode> {
  loading ??= import('./draw.client').then(async (code) => {
    await code.addLeafletStylesheet()
    return code
  })
  loading.catch(() => (loading = undefined))
  return loading
}
