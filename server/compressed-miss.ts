import zlib from 'node:zlib'
import type { NextFunction, Request, Response } from 'express'

/**
 * A page the app marked for the anonymous page cache goes out compressed on a miss too, as it
 * would from the cache (brotli 5 or gzip 6, like its stored copies): the first visitor after a
 * write or after 30 s was sent the document uncompressed (~16 KB instead of ~4 KB for a
 * challenge page: Lighthouse's "enable text compression", and on a slow phone one more round
 * trip before the page can paint; issue 13).
 *
 * Only marked pages, so at most one compression per page and language every 30 s (the rest are
 * hits); personal pages go out uncompressed as before (compressing each request costs
 * the server a third of its throughput, NOTES.md). A marked page is rendered whole before the
 * cache keeps it anyway, so it is buffered here and sent in one piece with its length.
 * Registered before the page cache's middleware: the cache records the uncompressed body.
 */
export function compressedMiss() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next()
    const accept = req.headers['accept-encoding'] ?? ''
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null
    if (!encoding) return next()

    const write = res.write.bind(res)
    const end = res.end.bind(res)
    const chunks: Buffer[] = []
    let buffering: boolean | undefined
    const decide = () => {
      if (buffering !== undefined) return buffering
      const type = String(res.getHeader('content-type') ?? '')
      buffering =
        !res.headersSent &&
        res.locals.privateHeader !== undefined &&
        res.statusCode === 200 &&
        type.startsWith('text/html') &&
        !res.getHeader('content-encoding')
      if (!buffering) {
        res.write = write
        res.end = end
      }
      return buffering
    }
    const bytes = (chunk: unknown, encodingArg?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(
              String(chunk),
              typeof encodingArg === 'string' ? (encodingArg as BufferEncoding) : 'utf8',
            )

    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (!decide()) return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
      chunks.push(bytes(chunk, rest[0]))
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      if (callback) process.nextTick(callback)
      return true
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const given = chunk !== undefined && chunk !== null && typeof chunk !== 'function'
      if (!decide()) return (end as (...a: unknown[]) => Response)(chunk, ...rest)
      if (given) chunks.push(bytes(chunk, rest[0]))
      const callback = [chunk, ...rest].find((r) => typeof r === 'function') as
        (() => void) | undefined
      const body = Buffer.concat(chunks)
      const compressed =
        encoding === 'br'
          ? zlib.brotliCompressSync(body, {
              params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 },
            })
          : zlib.gzipSync(body, { level: 6 })
      res.setHeader('Content-Encoding', encoding)
      res.setHeader('Content-Length', compressed.length)
      res.removeHeader('Transfer-Encoding')
      res.append('Vary', 'Accept-Encoding')
      return end(compressed, callback)
    }) as typeof res.end
    next()
  }
}
