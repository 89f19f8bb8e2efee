// Issue 11, item 4: the server reaches the app only through the build's `runtime` object
// (server/runtime.ts), so one copy of env.server, log.server and the rest runs: the build's.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const serverDir = path.resolve('server')
const files = fs.readdirSync(serverDir).filter((name) => /\.tsx?$/.test(name))

/** Every module specifier a file loads at run time: static imports and exports, import(). */
function runtimeImports(source: string): string[] {
  const found: string[] = []
  const statement = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm
  for (const match of source.matchAll(statement)) if (!match[2]) found.push(match[3]!)
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1]!)
  for (const match of source.matchAll(/\bimport\(\s*['"`]([^'"`]+)['"`]/g)) found.push(match[1]!)
  return found
}

const isAppSource = (specifier: string, file: string) =>
  specifier.startsWith('~/') ||
  specifier.startsWith('#db/') ||
  (specifier.startsWith('.') &&
    !path.resolve(path.dirname(file), specifier).startsWith(serverDir + path.sep))

describe('the server seam', () => {
  it('finds the server modules', () => {
    expect(files).toContain('main.ts')
    expect(files).toContain('app.ts')
  })

  it.each(files)('server/%s imports nothing from app/ or db/ at run time', (name) => {
    const file = path.join(serverDir, name)
    const outside = runtimeImports(fs.readFileSync(file, 'utf8')).filter((specifier) =>
      isAppSource(specifier, file),
    )
    expect(outside).toEqual([])
  })

  it('catches a runtime import and lets a type-only one pass', () => {
    const file = path.join(serverDir, 'x.ts')
    const found = (source: string) =>
      runtimeImports(source).filter((specifier) => isAppSource(specifier, file))
    expect(found(`import { log } from '../app/services/log.server'`)).toHaveLength(1)
    expect(found(`import {\n  getEnv,\n} from '~/env.server'`)).toHaveLength(1)
    expect(found(`const m = await import('../app/x')`)).toHaveLength(1)
    expect(found(`import type { Env } from '../app/env.server'`)).toEqual([])
    expect(found(`import type { Runtime } from './runtime'`)).toEqual([])
  })
})
