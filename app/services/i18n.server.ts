import { createCookie } from '@remix-run/node'
import i18next, { type i18n, type TFunction } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { i18nOptions, isLocale, supportedLocales, type Locale } from '~/i18n'
import { createTranslator, type Translator } from '~/i18n-react'
import { getEnv, isHttpsSite } from '~/env.server'
import sv from '~/locales/sv.json'
import en from '~/locales/en.json'

export const resources = { sv: { common: sv }, en: { common: en } }

export const localeCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  secure: isHttpsSite(),
  maxAge: 60 * 60 * 24 * 365,
})

let detector: RemixI18Next | undefined
// The root loader, the page's loader and the document renderer each ask; one answer per request.
const localesByRequest = new WeakMap<Request, Promise<Locale>>()

/** The user's language: their choice (cookie), else Accept-Language, else DEFAULT_LOCALE. */
export function getLocale(request: Request): Promise<Locale> {
  let locale = localesByRequest.get(request)
  if (!locale) {
    locale = detectLocale(request)
    localesByRequest.set(request, locale)
  }
  return locale
}

async function detectLocale(request: Request): Promise<Locale> {
  detector ??= new RemixI18Next({
    detection: {
      supportedLanguages: [...supportedLocales],
      fallbackLanguage: getEnv().DEFAULT_LOCALE,
      cookie: localeCookie,
      order: ['cookie', 'header'],
    },
  })
  const locale = await detector.getLocale(request)
  return isLocale(locale) ? locale : getEnv().DEFAULT_LOCALE
}

// One ready i18next instance per language, shared by every request: translations are
// read-only, so a fresh instance per request would only cost time.
const instances = new Map<Locale, i18n>()

export async function getI18nInstance(locale: Locale): Promise<i18n> {
  let instance = instances.get(locale)
  if (!instance) {
    instance = i18next.createInstance()
    await instance.init({ ...i18nOptions, lng: locale, resources })
    instances.set(locale, instance)
  }
  return instance
}

export async function getFixedT(locale: Locale): Promise<TFunction> {
  return (await getI18nInstance(locale)).getFixedT(locale)
}

export async function getRequestT(request: Request) {
  const locale = await getLocale(request)
  return { locale, t: await getFixedT(locale) }
}

/**
 * The request's language and the pages' small translator (below) instead of i18next: for a
 * loader's few plain strings on the busiest pages (board, home), where i18next's `t` cost more
 * than the rest of the loader. Same JSON, same {{placeholders}}.
 */
export async function getRequestPageT(request: Request) {
  const locale = await getLocale(request)
  return { locale, t: getTranslator(locale).t }
}

const translators = new Map<Locale, Translator>()

/** The pages' translator for a language (see app/i18n-react.tsx), made once. */
export function getTranslator(locale: Locale): Translator {
  let translator = translators.get(locale)
  if (!translator) {
    translator = createTranslator(locale, resources[locale].common)
    translators.set(locale, translator)
  }
  return translator
}
