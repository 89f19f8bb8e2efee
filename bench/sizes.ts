import http from 'node:http'
import zlib from 'node:zlib'

/** The raw body with Accept-Encoding: gzip, not decoded (fetch would decode it). */
function getRaw(url: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout fetching ${url}`)))
  })
}

/** Every script the page loads at start: <script src>, modulepreload links, and module imports. */
export function scriptUrls(html: string): string[] {
  const urls = new Set<string>()
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) urls.add(m[1]!)
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0]
    if (/\brel="modulepreload"/.test(tag)) {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
      if (href) urls.add(href)
    }
  }
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of m[1]!.matchAll(/\bimport\b[^"']*["']([^"']+\.js)["']/g)) urls.add(i[1]!)
  }
  return [...urls].map((u) => u.replace(/&amp;/g, '&'))
}

export interface ScriptSizes {
  files: Array<{ url: string; gzipBytes: number; rawBytes: number; servedGzip: boolean }>
  totalGzip: number
  totalRaw: number
}

export async function scriptSizes(origin: string, html: string): Promise<ScriptSizes> {
  const files: ScriptSizes['files'] = []
  for (const url of scriptUrls(html)) {
    const full = new URL(url, origin).href
    const { status, encoding, body } = await getRaw(full)
    if (status !== 200) throw new Error(`${url} answered ${status}`)
    const servedGzip = encoding === 'gzip'
    const raw = servedGzip ? zlib.gunzipSync(body) : body
    files.push({
      url,
      gzipBytes: servedGzip ? body.length : zlib.gzipSync(raw, { level: 9 }).length,
      rawBytes: raw.length,
      servedGzip,
    })
  }
  return {
    files,
    totalGzip: files.reduce((s, f) => s + f.gzipBytes, 0),
    totalRaw: files.reduce((s, f) => s + f.rawBytes, 0),
  }
}
