import fs from 'node:fs'
import path from 'node:path'
import express, { type NextFunction, type Request, type Response } from 'express'

/**
 * `public/` served from an index built once at start: the files are fixed by the build, so a
 * request costs a Map look-up, not a filesystem `stat` (express.static stats every request).
 * A file's bytes are read at its first request and kept in memory (public/ is the build's
 * assets, about 2 MB with their compressed copies, of which a browser fetches one encoding).
 *
 * - `/build/*` is fingerprinted: a year, immutable, and the brotli or gzip copy made by
 *   scripts/compress-assets.ts when the client accepts it.
 * - Everything else (favicon, robots.txt): an hour.
 * - ETag and Last-Modified as express.static sends them (weak ETag of size and mtime), with 304
 *   for a conditional request that still holds. No Range support (none is needed for these).
 * - A path not in the index goes on (to the app's 404 page), as with express.static.
 */
interface File {
  path: string
  size: number
  etag: string
  lastModified: string
  mtimeMs: number
  body?: Buffer
}

interface Asset {
  type: string
  cacheControl: string
  plain: File
  br?: File
  gzip?: File
}

const YEAR = 'public, max-age=31536000, immutable'
const HOUR = 'public, max-age=3600'

function fileOf(file: string): File {
  const stat = fs.statSync(file)
  return {
    path: file,
    size: stat.size,
    etag: `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
    lastModified: stat.mtime.toUTCString(),
    mtimeMs: Math.floor(stat.mtimeMs / 1000) * 1000,
  }
}

function contentType(file: string): string {
  const type = express.static.mime.lookup(file)
  const charset = express.static.mime.charsets.lookup(type, '')
  return charset ? `${type}; charset=${charset}` : type
}

export function indexPublicFiles(publicDir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>()
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      // Dotfiles are never served (express.static's default).
      if (entry.name.startsWith('.')) continue
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.isFile()) {
        const url = '/' + path.relative(publicDir, file).split(path.sep).join('/')
        const fingerprinted = url.startsWith('/build/')
        assets.set(url, {
          type: contentType(file),
          cacheControl: fingerprinted ? YEAR : HOUR,
          plain: fileOf(file),
          br: fingerprinted && fs.existsSync(`${file}.br`) ? fileOf(`${file}.br`) : undefined,
          gzip: fingerprinted && fs.existsSync(`${file}.gz`) ? fileOf(`${file}.gz`) : undefined,
        })
      }
    }
  }
  walk(publicDir)
  return assets
}

/** Whether the client's cached copy (If-None-Match, If-Modified-Since) is still this file. */
function isFresh(req: Request, file: File): boolean {
  if (/\bno-cache\b/.test(req.headers['cache-control'] ?? '')) return false
  const match = req.headers['if-none-match']
  if (match) {
    if (match.trim() === '*') return true
    return match
      .split(',')
      .map((tag) => tag.trim())
      .some((tag) => tag === file.etag || `W/${tag}` === file.etag || tag === file.etag.slice(2))
  }
  const since = req.headers['if-modified-since']
  if (since) {
    const time = Date.parse(since)
    return !Number.isNaN(time) && file.mtimeMs <= time
  }
  return false
}

export function servePublicFiles(publicDir: string) {
  const assets = indexPublicFiles(publicDir)
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    let pathname: string
    try {
      pathname = decodeURIComponent(req.path)
    } catch {
      return next()
    }
    const asset = assets.get(pathname)
    if (!asset) return next()
    const accept = req.headers['accept-encoding'] ?? ''
    const [file, encoding] =
      asset.br && /\bbr\b/.test(accept)
        ? [asset.br, 'br']
        : asset.gzip && /\bgzip\b/.test(accept)
          ? [asset.gzip, 'gzip']
          : [asset.plain, null]
    res.setHeader('Cache-Control', asset.cacheControl)
    res.setHeader('Last-Modified', file.lastModified)
    res.setHeader('ETag', file.etag)
    if (asset.br || asset.gzip) res.setHeader('Vary', 'Accept-Encoding')
    if (isFresh(req, file)) {
      res.statusCode = 304
      return res.end()
    }
    res.setHeader('Content-Type', asset.type)
    if (encoding) res.setHeader('Content-Encoding', encoding)
    res.setHeader('Content-Length', String(file.size))
    if (req.method === 'HEAD') return res.end()
    try {
      file.body ??= await fs.promises.readFile(file.path)
    } catch (error) {
      return next(error)
    }
    res.end(file.body)
  }
}
