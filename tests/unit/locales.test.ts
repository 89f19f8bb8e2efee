import fs from 'node:fs'
import path from 'node:path'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { i18nOptions } from '~/i18n'
import { createTranslator } from '~/i18n-react'
import en from '~/locales/en.json'
import sv from '~/locales/sv.json'

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix]
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
  }
  return [prefix]
}

function placeholders(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]!).sort()
}

function get(obj: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj)
}

describe('translations', () => {
  const svKeys = keys(sv).sort()
  const enKeys = keys(en).sort()

  it('every Swedish key exists in English', () => {
    expect(svKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })

  it('every English key exists in Swedish', () => {
    expect(enKeys.filter((k) => !svKeys.includes(k))).toEqual([])
  })

  it('uses the same placeholders in both languages', () => {
    const mismatched = svKeys.filter(
      (k) => placeholders(get(sv, k)).join() !== placeholders(get(en, k)).join(),
    )
    expect(mismatched).toEqual([])
  })

  it('has no empty strings', () => {
    const empty = [
      ...svKeys.map((k) => ['sv', k, get(sv, k)]),
      ...enKeys.map((k) => ['en', k, get(en, k)]),
    ].filter(([, , v]) => v === '')
    expect(empty).toEqual([])
  })
})

// Plural forms come from the language's plural rules ("1 utmaning", "2 utmaningar"), never from
// a fixed "{{count}} utmaningar": every key the code translates with a count has _one and _other.
describe('plural forms', () => {
  /** Every `t('key', { …count… })` in app/, the object read to its closing brace. */
  function keysTranslatedWithCount() {
    const found = new Set<string>()
    const files = fs
      .readdirSync('app', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
    for (const file of files) {
      const source = fs.readFileSync(path.join('app', file), 'utf8')
      for (const call of source.matchAll(/\bt\(\s*(['"`])([^'"`]+)\1\s*,\s*\{/g)) {
        // Only the options' own properties: a nested t('…', { count }) is a call of its own.
        let depth = 0
        let options = ''
        for (let i = call.index + call[0].length - 1; i < source.length; i++) {
          const c = source[i]
          if (c === '{') depth++
          if (depth === 1) options += c
          if (c === '}' && --depth === 0) break
        }
        if (/\bcount\b\s*[:,}]/.test(options)) found.add(call[2]!)
      }
    }
    return [...found].sort()
  }

  const used = keysTranslatedWithCount()

  it('finds the calls it checks', () => {
    expect(used).toContain('board.votes')
    expect(used).toContain('myData.amounts.challenges')
  })

  for (const [lang, resources] of [
    ['sv', sv],
    ['en', en],
  ] as const) {
    it(`has _one and _other for every key used with a count (${lang})`, () => {
      const all = keys(resources)
      const missing = used.flatMap((key) => {
        // A key built at run time (`outcomes.count.${group}`) stands for every key it can be.
        const pattern = new RegExp(
          `^${key.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[^.]+')}_(one|other)$`,
        )
        const bases = new Set(
          all.filter((k) => pattern.test(k)).map((k) => k.replace(/_(one|other)$/, '')),
        )
        if (!bases.size) return [key]
        return [...bases].filter((b) => !all.includes(`${b}_one`) || !all.includes(`${b}_other`))
      })
      expect(missing).toEqual([])
    })
  }

  it('says "1 utmaning" and "2 utmaningar", in the pages and in i18next alike', async () => {
    const pages = createTranslator('sv', sv)
    const server = i18next.createInstance()
    await server.init({ ...i18nOptions, lng: 'sv', resources: { sv: { common: sv } } })
    for (const t of [pages.t, server.t.bind(server) as typeof pages.t]) {
      expect(t('myData.amounts.challenges', { count: 1 })).toBe('1 utmaning')
      expect(t('myData.amounts.challenges', { count: 2 })).toBe('2 utmaningar')
      expect(t('board.votes', { count: 1, formatted: '1' })).toBe('1 röst')
      expect(t('board.votes', { count: 2, formatted: '2' })).toBe('2 röster')
      expect(t('reports.solved.share', { count: 1, solved: '1', total: '1', share: '100 %' })).toBe(
        '1 av 1 utmaning är löst (100 %).',
      )
      expect(t('reports.days', { count: 1, value: '1' })).toBe('1 dag')
      expect(t('reports.days', { count: 1.5, value: '1,5' })).toBe('1,5 dagar')
    }
    const english = createTranslator('en', en)
    expect(english.t('myData.storedSessions', { count: 1 })).toMatch(/^1 active sign-in \(/)
    expect(english.t('myData.storedSessions', { count: 2 })).toMatch(/^2 active sign-ins \(/)
  })
})
