import fs from 'node:fs'

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
}

let level: number | undefined
/** Read once: process.env is slow to read, and the log is written on every request. */
function threshold(): number {
  if (level !== undefined) return level
  const name = (process.env.LOG_LEVEL ??
    (process.env.NODE_ENV === 'test' ? 'warn' : 'info')) as Level
  level = order[name] ?? order.info
  return level
}

// Info and debug lines are gathered and written once per turn of the event loop: one write
// (a system call) for all the requests answered in that turn instead of one each. Warnings and
// errors go out at once, after what was gathered, and so does everything at exit.
let pending = ''
let flushScheduled = false
function flush() {
  flushScheduled = false
  if (!pending) return
  const lines = pending
  pending = ''
  process.stdout.write(lines)
}
process.once('exit', () => {
  if (pending) fs.writeSync(1, pending)
  pending = ''
})

/**
 * One JSON object per line. JSON.stringify escapes CR and LF inside values, so a user's input
 * cannot forge a second line.
 */
function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold()) return
  // The fields' own JSON after the three fixed keys (a repeated key reads as the field's, as a
  // spread would have it), without building a second object per line.
  const rest = JSON.stringify(fields)
  const line = `{"time":"${new Date().toISOString()}","level":"${level}","event":${JSON.stringify(event)}${rest.length > 2 ? ',' + rest.slice(1) : '}'}\n`
  if (level === 'error' || level === 'warn') {
    flush()
    process.stderr.write(line)
    return
  }
  pending += line
  if (pending.length > 65_536) flush()
  else if (!flushScheduled) {
    flushScheduled = true
    setImmediate(flush)
  }
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
}

/** Paths can carry secrets (reset tokens); logs get a redacted copy without the query. */
export function loggablePath(url: string): string {
  const pathname = (url.split('?')[0] ?? url).split('#')[0] ?? ''
  // Secret tokens travel in these paths: a log reader must not be able to use them. The router
  // matches without regard to case, repeated slashes or percent-escapes, so the redaction
  // looks at the path the same way (`//RESET-PASSWORD/…`, `/reset%2Dpassword/…`).
  let decoded = pathname
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // Not decodable: matched as it came.
  }
  const match = /^\/+(reset-password|confirm-email|unsubscribe|fixed)\/+[^/]/i.exec(decoded)
  return match ? `/${match[1]!.toLowerCase()}/[token]` : pathname
}
