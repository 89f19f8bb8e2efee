// A bare node:http server that answers each benchmarked path with the bytes and headers the app
// sent for it: the ceiling of what a Node server can send those bytes at.
// Usage: node bench/bare-server.mjs MANIFEST.json PORT
// MANIFEST: [{ "path": "/challenges", "file": "/tmp/…/page-0.html", "headers": { "content-type": … } }]
/* global process, console */
import fs from 'node:fs'
import http from 'node:http'

const [manifestFile, port] = process.argv.slice(2)
const pages = new Map()
for (const page of JSON.parse(fs.readFileSync(manifestFile, 'utf8'))) {
  const body = fs.readFileSync(page.file)
  pages.set(page.path, {
    body,
    headers: { ...page.headers, 'content-length': String(body.length) },
  })
}

const server = http.createServer((req, res) => {
  const page = pages.get(req.url)
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain' })
    return res.end('not found')
  }
  res.writeHead(200, page.headers)
  res.end(page.body)
})
server.keepAliveTimeout = 65_000
server.listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
