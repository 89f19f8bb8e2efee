// A challenge's place: shared by the forms, the pages and the server.

export const PLACE_TEXT_MAX = 200

/**
 * Four decimals of a degree: about 11 m north–south (less east–west this far north), enough to
 * find a pothole or a bus shelter and too coarse to point at a front door.
 */
const DECIMALS = 4

export function roundCoordinate(value: number): number {
  const factor = 10 ** DECIMALS
  return Math.round(value * factor) / factor
}

export interface Bounds {
  south: number
  west: number
  north: number
  east: number
}

export function boundsOf(settings: {
  boundsSouth: number
  boundsWest: number
  boundsNorth: number
  boundsEast: number
}): Bounds {
  return {
    south: settings.boundsSouth,
    west: settings.boundsWest,
    north: settings.boundsNorth,
    east: settings.boundsEast,
  }
}

export function withinBounds(point: { lat: number; lng: number }, bounds: Bounds): boolean {
  return (
    point.lat >= bounds.south &&
    point.lat <= bounds.north &&
    point.lng >= bounds.west &&
    point.lng <= bounds.east
  )
}

/** The coordinates as people read them: "56.0417, 12.6958". */
export function formatCoordinates(point: { lat: number; lng: number }): string {
  return `${point.lat.toFixed(DECIMALS)}, ${point.lng.toFixed(DECIMALS)}`
}

/** The place in a public map service, for the link beside the text. */
export function mapServiceUrl(point: { lat: number; lng: number }): string {
  const lat = point.lat.toFixed(DECIMALS)
  const lng = point.lng.toFixed(DECIMALS)
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`
}
