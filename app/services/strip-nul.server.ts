import { Transform } from 'node:stream'

/**
 * React 18.3's stream renderer writes its whole 2 KB buffer when a multi-byte character (å, ä,
 * ö …) does not fit at the end of it, unused zero bytes included, so Swedish pages carried
 * stray NUL bytes (a parse error, shown by some browsers as "�"). A NUL is never part of a
 * page we mean to send (text is escaped and Markdown sanitised), so they are dropped here.
 */
export function stripNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk)
    },
  })
}
