// The one place dates and numbers are formatted, always through Intl in the user's language.
// Formatters are made once per language and style: creating one per call cost ~15% of a
// page's render time.
import { TOWN_TIME_ZONE } from '~/services/town-time'

const localeTag = (locale: string) => (locale === 'en' ? 'en-GB' : 'sv-SE')
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined
  if (!formatter) {
    formatter = make()
    formatters.set(key, formatter)
  }
  return formatter
}

// The same timestamps are formatted on every render of a page (a board's 20 cards, a
// challenge's comments): parsing and formatting one cost more than looking it up. Bounded: the
// map is emptied when full rather than kept in order.
const formatted = new Map<string, string>()
const FORMATTED_MAX = 5_000

function remember(key: string, make: () => string): string {
  let text = formatted.get(key)
  if (text === undefined) {
    text = make()
    if (formatted.size >= FORMATTED_MAX) formatted.clear()
    formatted.set(key, text)
  }
  return text
}

export function formatDate(iso: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return remember(`${locale}:${style}:${iso}`, () =>
    cached(
      `date:${locale}:${style}`,
      () =>
        new Intl.DateTimeFormat(localeTag(locale), {
          dateStyle: style,
          timeZone: TOWN_TIME_ZONE,
        }),
    ).format(new Date(iso)),
  )
}

export function formatDateTime(iso: string, locale: string): string {
  return remember(`${locale}:datetime:${iso}`, () =>
    cached(
      `datetime:${locale}`,
      () =>
        new Intl.DateTimeFormat(localeTag(locale), {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: TOWN_TIME_ZONE,
        }),
    ).format(new Date(iso)),
  )
}

export function formatNumber(value: number, locale: string): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(localeTag(locale))).format(value)
}

/** A share from 0 to 1 as a percentage, one decimal at most ("45,2 %", "45.2%"). */
export function formatPercent(share: number, locale: string): string {
  return cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 1 }),
  ).format(share)
}
