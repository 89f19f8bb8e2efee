export interface Series {
  key: string
  label: string
  colour: string
}

/** Turns a number into the text a reader sees (Intl, the page's language). */
export type Format = (value: number) => string
