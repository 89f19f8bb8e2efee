import { describe, expect, it } from 'vitest'
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
