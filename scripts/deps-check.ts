// `npm run deps:check`: are the production dependencies known to be vulnerable?
//
// `npm audit` is the first choice, but the registry these machines reach refuses its endpoint
// (405), and `npm audit signatures` needs sigstore's servers, which are out of reach. So this
// check has three parts, and says which of them ran:
//  1. the installed tree is whole (`npm ls --omit=dev --all`), offline;
//  2. every production package in package-lock.json against security/advisories.json, a list
//     kept in the repository, offline;
//  3. online, best effort: `npm audit --omit=dev` where the registry answers it, and the
//     registry's own deprecation notices for each installed version (npm marks many vulnerable
//     releases deprecated); without network these are skipped with a note, not failed.
// Exit 1 when a finding fails the check: an advisory from the list, a high or critical one from
// npm audit, a deprecation that speaks of security, or a broken tree. `--record` adds what npm
// audit found to security/advisories.json, so machines without it catch the same.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface Advisory {
  id: string
  package: string
  range: string
  severity: 'low' | 'moderate' | 'high' | 'critical'
  title: string
}
export interface Installed {
  name: string
  version: string
}

// ---- versions and ranges (the subset of npm semver that advisories use) --------------------

type Parsed = { nums: [number, number, number]; pre: string[] }

export function parseVersion(version: string): Parsed | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(version.trim())
  if (!m) return null
  return {
    nums: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
    pre: m[4] ? m[4].split('.') : [],
  }
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)
  const y = parseVersion(b)
  if (!x || !y) throw new Error(`not a version: ${x ? b : a}`)
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i]! - y.nums[i]!
  // A pre-release comes before its release.
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i]
    const q = y.pre[i]
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1
    if (p === q) continue
    const pn = /^\d+$/.test(p)
    const qn = /^\d+$/.test(q)
    if (pn && qn) return Number(p) - Number(q)
    if (pn !== qn) return pn ? -1 : 1
    return p < q ? -1 : 1
  }
  return 0
}

/** Whether `version` is inside `range`: comparators (`<`, `<=`, `>`, `>=`, `=`) joined by `||`. */
export function satisfies(version: string, range: string): boolean {
  return range.split('||').some((set) => {
    const comparators = set.trim().split(/\s+/).filter(Boolean)
    if (!comparators.length || comparators.includes('*')) return true
    return comparators.every((c) => {
      const m = /^(<=|>=|<|>|=)?\s*(.+)$/.exec(c)
      if (!m) throw new Error(`cannot read the range "${range}"`)
      const d = compareVersions(version, m[2]!)
      switch (m[1] ?? '=') {
        case '<':
          return d < 0
        case '<=':
          return d <= 0
        case '>':
          return d > 0
        case '>=':
          return d >= 0
        default:
          return d === 0
      }
    })
  })
}

// ---- what is installed ------------------------------------------------------------------------

/** Every production package in a package-lock.json (v2/v3), once per name and version. */
export function productionPackages(lock: {
  packages?: Record<
    string,
    { name?: string; version?: string; dev?: boolean; devOptional?: boolean; link?: boolean }
  >
}): Installed[] {
  const seen = new Map<string, Installed>()
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where.includes('node_modules/') || entry.dev || entry.devOptional || entry.link) continue
    if (!entry.version) continue
    const name =
      entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length)
    seen.set(`${name}@${entry.version}`, { name, version: entry.version })
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}

export function matchAdvisories(installed: Installed[], advisories: Advisory[]) {
  return installed.flatMap((pkg) =>
    advisories
      .filter((a) => a.package === pkg.name && satisfies(pkg.version, a.range))
      .map((advisory) => ({ ...pkg, advisory })),
  )
}

/** A deprecation notice that is about a vulnerability, not only about age. */
export const speaksOfSecurity = (message: string) =>
  /vulnerab|security|CVE-\d|GHSA-|exploit|malicious/i.test(message)

// ---- the online parts -------------------------------------------------------------------------

type AuditResult = { available: true; findings: Advisory[] } | { available: false; reason: string }

async function npmAudit(): Promise<AuditResult> {
  let stdout: string
  try {
    ;({ stdout } = await run('npm', ['audit', '--omit=dev', '--json'], { maxBuffer: 64 << 20 }))
  } catch (error) {
    // npm audit exits 1 when it finds something; its JSON is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? ''
  }
  let report: {
    statusCode?: number
    error?: { code?: string; summary?: string }
    message?: string
    vulnerabilities?: Record<
      string,
      {
        via: Array<
          | string
          | { url?: string; title?: string; severity?: string; range?: string; name?: string }
        >
      }
    >
  }
  try {
    report = JSON.parse(stdout)
  } catch {
    return { available: false, reason: 'npm audit gave no report' }
  }
  if (!report.vulnerabilities) {
    const why = report.statusCode
      ? `the registry answered ${report.statusCode}`
      : (report.error?.code ?? report.message ?? 'no report')
    return { available: false, reason: `npm audit is not available here (${why})` }
  }
  const findings: Advisory[] = []
  for (const [name, entry] of Object.entries(report.vulnerabilities)) {
    for (const via of entry.via) {
      if (typeof via === 'string') continue // a dependency's advisory, listed under its own name
      findings.push({
        id: /GHSA-[\w-]+/.exec(via.url ?? '')?.[0] ?? via.url ?? 'unknown',
        package: via.name ?? name,
        range: via.range ?? '*',
        severity: (via.severity as Advisory['severity']) ?? 'high',
        title: via.title ?? '',
      })
    }
  }
  return { available: true, findings }
}

const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8'

/**
 * Whether the registry passes deprecation notices on at all: request@2.88.2 is deprecated on
 * npmjs.org. A caching proxy that strips the field would make every package look fine.
 */
async function registryKeepsDeprecations(registry: string) {
  const response = await fetch(`${registry}request`, {
    headers: { Accept: ABBREVIATED },
    signal: AbortSignal.timeout(20_000),
  })
  if (!response.ok) throw new Error(`${response.status} for request`)
  const doc = (await response.json()) as { versions?: Record<string, { deprecated?: string }> }
  return Boolean(doc.versions?.['2.88.2']?.deprecated)
}

async function deprecations(installed: Installed[], registry: string) {
  const names = [...new Set(installed.map((p) => p.name))]
  const notices: Array<Installed & { message: string }> = []
  let unreachable = 0
  let firstError = ''
  const queue = [...names]
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      try {
        const response = await fetch(`${registry}${name.replace('/', '%2f')}`, {
          // The abbreviated document: versions with their `deprecated` notices, small.
          headers: {
            Accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8',
          },
          signal: AbortSignal.timeout(20_000),
        })
        if (!response.ok) throw new Error(`${response.status} for ${name}`)
        const doc = (await response.json()) as {
          versions?: Record<string, { deprecated?: string }>
        }
        for (const pkg of installed.filter((p) => p.name === name)) {
          const message = doc.versions?.[pkg.version]?.deprecated
          if (message) notices.push({ ...pkg, message })
        }
      } catch (error) {
        unreachable++
        firstError ||= (error as Error).message
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
  return {
    checked: names.length - unreachable,
    total: names.length,
    unreachable,
    firstError,
    notices,
  }
}

// ---- the command ------------------------------------------------------------------------------

async function main() {
  const args = new Set(process.argv.slice(2))
  const root = path.resolve(import.meta.dirname, '..')
  const listFile = path.join(root, 'security/advisories.json')
  const list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as {
    about: string
    advisories: Advisory[]
  }
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'))
  const installed = productionPackages(lock)
  const registry = (process.env.npm_config_registry ?? 'https://registry.npmjs.org/').replace(
    /\/?$/,
    '/',
  )
  const failures: string[] = []
  const warnings: string[] = []

  // 1. The tree is whole.
  try {
    await run('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: root, maxBuffer: 64 << 20 })
    console.log('tree: npm ls --omit=dev finds no missing or invalid package')
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? ''
    const problems = (JSON.parse(out || '{}') as { problems?: string[] }).problems ?? [
      String(error),
    ]
    failures.push(...problems.map((p) => `tree: ${p}`))
  }

  // 2. The list kept in the repository.
  const listed = matchAdvisories(installed, list.advisories)
  for (const m of listed)
    failures.push(
      `${m.name}@${m.version}: ${m.advisory.id} (${m.advisory.severity}) ${m.advisory.title}`,
    )
  console.log(
    `advisories: ${installed.length} production packages checked against ${list.advisories.length} advisories in security/advisories.json, ${listed.length} affected`,
  )

  // 3. Online.
  if (args.has('--offline')) {
    console.log('online checks: skipped (--offline)')
  } else {
    const audit = await npmAudit()
    if (audit.available) {
      for (const a of audit.findings) {
        const line = `npm audit: ${a.package} ${a.range}: ${a.id} (${a.severity}) ${a.title}`
        if (a.severity === 'high' || a.severity === 'critical') failures.push(line)
        else warnings.push(line)
      }
      console.log(`npm audit: ${audit.findings.length} advisories`)
      if (args.has('--record')) {
        const known = new Set(list.advisories.map((a) => `${a.id} ${a.package}`))
        const added = audit.findings.filter((a) => !known.has(`${a.id} ${a.package}`))
        list.advisories.push(...added)
        fs.writeFileSync(listFile, `${JSON.stringify(list, null, 2)}\n`)
        console.log(`recorded ${added.length} new advisories in security/advisories.json`)
      }
    } else {
      console.log(`npm audit: skipped: ${audit.reason}`)
    }
    const keeps = await registryKeepsDeprecations(registry).catch((error: Error) => error)
    if (keeps instanceof Error) {
      console.log(`deprecations: skipped: the registry could not be read (${keeps.message})`)
    } else if (!keeps) {
      console.log(
        `deprecations: skipped: ${registry} strips deprecation notices (request@2.88.2 shows none)`,
      )
    } else {
      const dep = await deprecations(installed, registry)
      for (const n of dep.notices) {
        const line = `deprecated: ${n.name}@${n.version}: ${n.message}`
        if (speaksOfSecurity(n.message)) failures.push(line)
        else warnings.push(line)
      }
      console.log(
        `deprecations: ${dep.checked} of ${dep.total} packages read from ${registry}, ` +
          `${dep.notices.length} installed versions deprecated` +
          (dep.unreachable ? ` (${dep.unreachable} unreadable: ${dep.firstError})` : ''),
      )
    }
  }

  for (const w of warnings) console.log(`warning: ${w}`)
  for (const f of failures) console.error(`FAIL: ${f}`)
  console.log(
    failures.length ? `deps:check failed: ${failures.length} finding(s)` : 'deps:check ok',
  )
  process.exit(failures.length ? 1 : 0)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
