export interface MapTiles {
  url: string
  attribution: string
}

export interface MarkerPoint {
  lat: number
  lng: number
  /** The marker's accessible name (its picture's alt text): the challenge's title. */
  title: string
  /** The popup: a link and lines of text under it. */
  link: { href: string; text: string; external?: boolean }
  lines: string[]
}
