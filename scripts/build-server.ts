import { build } from 'esbuild'

// The production server and the demo seed CLI, compiled once at build time so that `npm start`
// runs plain node: no TypeScript transpiler process beside the server. Packages stay in
// node_modules; app code reaches the server only through build/index.js (server/runtime.ts),
// and the seed runs as a process of its own (server/main.ts), so its copy of the few app
// modules it uses never shares memory with the server's.
await build({
  entryPoints: { server: 'server/main.ts', seed: 'db/seed.ts' },
  outdir: 'build',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
console.log('Compiled build/server.js and build/seed.js')
