// The framework floor's server: Express with Remix's Express adapter, as Remix's own templates
// start, on plain node. Usage: FLOOR_DATABASE=FILE PORT=N node bench/floor/server.mjs
/* global process, console */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import express from 'express'

const here = path.dirname(fileURLToPath(import.meta.url))
const build = await import(pathToFileURL(path.join(here, 'build/index.js')).href)

const app = express()
app.disable('x-powered-by')
app.use(
  '/build',
  express.static(path.join(here, 'public/build'), { immutable: true, maxAge: '1y' }),
)
app.all('*', createRequestHandler({ build, mode: 'production' }))

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log(`floor on ${process.env.PORT}`),
)
server.keepAliveTimeout = 65_000
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
})
