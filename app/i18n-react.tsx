import { createContext, useContext } from 'react'

// The page's side of translation: a small `t` over the same JSON files i18next reads on the
// server (mail, language detection). It keeps i18next and react-i18next (~17 KB gzipped) out
// of the browser, where the board's JavaScript budget is 100 KB. It supports what our texts
// use: nested keys, {{placeholders}}, _one/_other plurals by `count`, arrays with
// `returnObjects`, and `defaultValue`.

type Values = Record<string, unknown> & {
  count?: number
  returnObjects?: boolean
  defaultValue?: string
}
export type TFunction = (key: string, values?: Values) => string
export interface Translator {
  language: string
  t: TFunction
}

export function createTranslator(language: string, resources: Record<string, unknown>): Translator {
  const plural = new Intl.PluralRules(language === 'en' ? 'en-GB' : 'sv-SE')
  const walk = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (node, part) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
        resources,
      )
  // A page asks for the same few hundred keys on every render: each is walked once. The keys
  // come from the code (and from a few stored enums), so the map stays small; the cap only
  // guards against a caller building keys from free text.
  const walked = new Map<string, unknown>()
  const lookup = (key: string): unknown => {
    if (walked.has(key)) return walked.get(key)
    const value = walk(key)
    if (walked.size < 10_000) walked.set(key, value)
    return value
  }
  const fill = (text: string, values: Values) =>
    text.includes('{{')
      ? text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) =>
          values[name] === undefined ? '' : String(values[name]),
        )
      : text
  const t: TFunction = (key, values = {}) => {
    let found: unknown
    if (typeof values.count === 'number')
      found = lookup(`${key}_${plural.select(values.count)}`) ?? lookup(`${key}_other`)
    found ??= lookup(key)
    if (Array.isArray(found)) {
      const lines = found.map((line) => fill(String(line), values))
      return (values.returnObjects ? lines : lines.join('\n')) as unknown as string
    }
    if (typeof found === 'string') return fill(found, values)
    return values.defaultValue ?? key
  }
  return { language, t }
}

const TranslatorContext = createContext<Translator>(createTranslator('sv', {}))

export const TranslationProvider = TranslatorContext.Provider

/** The same shape as react-i18next's hook: `{ t, i18n: { language } }`. */
export function useTranslation() {
  const translator = useContext(TranslatorContext)
  return { t: translator.t, i18n: { language: translator.language } }
}
