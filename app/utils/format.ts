// The one place dates and numbers are formatted, always through Intl in the user's language.
const localeTag = (locale: string) => (locale === 'en' ? 'en-GB' : 'sv-SE')

export function formatDate(iso: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(localeTag(locale), {
    dateStyle: style,
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso))
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(localeTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso))
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(localeTag(locale)).format(value)
}
