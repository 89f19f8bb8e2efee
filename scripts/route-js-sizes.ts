// What a page's JavaScript weighs in the browser build: the entry, the root route and the
// route's module with its imports, raw and as served brotli (scripts/compress-assets.ts), and
// the lazily loaded map chunk. Run after `npm run build`: `npx tsx scripts/route-js-sizes.ts`.
import fs from 'node:fs'
import path from 'node:path'

interface ManifestRoute {
  module: string
  imports?: string[]
}
const dir = path.resolve('public/build')
const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f))
if (!file) throw new Error('No public/build/manifest-*.js: run `npm run build` first.')
const manifest = JSON.parse(
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .replace(/^window.__remixManifest=/, '')
    .replace(/;$/, ''),
) as { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> }

const size = (url: string, ext = '') => fs.statSync(path.resolve(`public${url}${ext}`)).size
const withImports = (route: ManifestRoute) => [route.module, ...(route.imports ?? [])]
const base = [
  manifest.entry.module,
  ...manifest.entry.imports,
  ...withImports(manifest.routes.root!),
]

const ids = process.argv.slice(2)
for (const id of ids.length
  ? ids
  : [
      'routes/_index',
      'routes/challenges._index',
      'routes/challenges.$id',
      'routes/challenges.new',
    ]) {
  const route = manifest.routes[id]
  if (!route) continue
  const all = [...new Set([...base, ...withImports(route)])]
  const raw = all.reduce((n, u) => n + size(u), 0)
  const br = all.reduce((n, u) => n + size(u, '.br'), 0)
  console.log(
    `${id.padEnd(26)} ${String(raw).padStart(8)} B raw ${String(br).padStart(7)} B brotli`,
  )
}
for (const name of fs.readdirSync(path.join(dir, '_shared'))) {
  if (!/^draw\.client-.*\.js$/.test(name)) continue
  const url = `/build/_shared/${name}`
  console.log(
    `${`map chunk ${name}`.padEnd(26)} ${String(size(url)).padStart(8)} B raw ${String(size(url, '.br')).padStart(7)} B brotli`,
  )
}
