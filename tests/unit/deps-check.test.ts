// The offline half of `npm run deps:check` (issue 10: a dependency check that works where npm
// audit is refused): versions against the advisory list kept in the repository.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  matchAdvisories,
  productionPackages,
  satisfies,
  speaksOfSecurity,
  type Advisory,
} from '../../scripts/deps-check'

describe('version ranges', () => {
  it('reads the ranges advisories use', () => {
    expect(satisfies('4.19.2', '<4.20.0')).toBe(true)
    expect(satisfies('4.20.0', '<4.20.0')).toBe(false)
    expect(satisfies('1.8.0', '<0.1.10 || >=0.2.0 <1.9.0')).toBe(true)
    expect(satisfies('0.1.12', '<0.1.10 || >=0.2.0 <1.9.0')).toBe(false)
    expect(satisfies('2.17.5', '>=2.0.0 <=2.17.5')).toBe(true)
    expect(satisfies('3.0.0', '*')).toBe(true)
    expect(satisfies('1.2.3', '1.2.3')).toBe(true)
  })

  it('puts a pre-release before its release', () => {
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBeLessThan(0)
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.2')).toBeGreaterThan(0)
    expect(compareVersions('1.0.0-alpha', '1.0.0-beta')).toBeLessThan(0)
    expect(satisfies('4.20.0-rc.1', '<4.20.0')).toBe(true)
  })
})

describe('the advisory list', () => {
  const lock = {
    packages: {
      '': { version: '0.1.0' },
      'node_modules/express': { version: '4.19.2' },
      'node_modules/vitest': { version: '4.1.0', dev: true },
      'node_modules/express/node_modules/cookie': { version: '0.6.0' },
      'node_modules/@scope/pkg': { version: '1.0.0', devOptional: true },
    },
  }
  const list: Advisory[] = [
    { id: 'GHSA-a', package: 'express', range: '<4.20.0', severity: 'low', title: 'x' },
    { id: 'GHSA-b', package: 'cookie', range: '<0.7.0', severity: 'low', title: 'y' },
    { id: 'GHSA-c', package: 'vitest', range: '<9.0.0', severity: 'high', title: 'dev only' },
  ]

  it('finds affected production packages, nested ones too, and leaves dev ones out', () => {
    expect(productionPackages(lock)).toEqual([
      { name: 'cookie', version: '0.6.0' },
      { name: 'express', version: '4.19.2' },
    ])
    expect(matchAdvisories(productionPackages(lock), list).map((m) => m.advisory.id)).toEqual([
      'GHSA-b',
      'GHSA-a',
    ])
  })

  it('is valid and touches nothing installed today', () => {
    const file = JSON.parse(fs.readFileSync('security/advisories.json', 'utf8')) as {
      advisories: Advisory[]
    }
    for (const a of file.advisories) {
      expect(a.id).toMatch(/^GHSA-[\w-]+$/)
      expect(['low', 'moderate', 'high', 'critical']).toContain(a.severity)
      expect(() => satisfies('1.0.0', a.range)).not.toThrow()
    }
    const installed = productionPackages(JSON.parse(fs.readFileSync('package-lock.json', 'utf8')))
    expect(matchAdvisories(installed, file.advisories)).toEqual([])
  })

  it('tells security deprecations from age', () => {
    expect(speaksOfSecurity('This version has a critical security vulnerability')).toBe(true)
    expect(speaksOfSecurity('Upgrade to fix CVE-2024-1234')).toBe(true)
    expect(speaksOfSecurity('request has been deprecated')).toBe(false)
  })
})
