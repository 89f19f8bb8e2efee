type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
}

function threshold(): number {
  const level = (process.env.LOG_LEVEL ??
    (process.env.NODE_ENV === 'test' ? 'warn' : 'info')) as Level
  return order[level] ?? order.info
}

/**
 * One JSON object per line. JSON.stringify escapes CR and LF inside values, so a user's input
 * cannot forge a second line.
 */
function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (order[level] < threshold()) return
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })
  if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
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
