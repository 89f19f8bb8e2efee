import type { InitOptions } from 'i18next'

export const supportedLocales = ['sv', 'en'] as const
export type Locale = (typeof supportedLocales)[number]

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value)
}

/** i18next options shared by the server and the browser. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: 'sv',
  defaultNS: 'common',
  ns: ['common'],
  interpolation: { escapeValue: false }, // React escapes
} satisfies InitOptions
