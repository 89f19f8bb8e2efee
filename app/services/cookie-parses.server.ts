import type { Cookie } from '@remix-run/node'

const MAX_REMEMBERED = 1000

/**
 * `cookie` with its `parse` remembered per Cookie header: a signed-in page parsed the session
 * cookie twice (the page cache's "is this reader signed in?" and the session storage), each
 * parse an HMAC per secret, ~4% of a signed-in page's time (issue 11). The answer is a pure
 * function of the header and the secrets, which do not change while the process runs. A client
 * sending ever new headers only empties the map (it is cleared when full), it never grows past
 * its cap.
 */
export function rememberingParses(cookie: Cookie): Cookie {
  const parsed = new Map<string, Promise<unknown>>()
  const remembering = Object.create(cookie) as Cookie
  remembering.parse = (header, options) => {
    if (!header || options) return cookie.parse(header, options)
    let value = parsed.get(header)
    if (value === undefined) {
      if (parsed.size >= MAX_REMEMBERED) parsed.clear()
      value = cookie.parse(header)
      parsed.set(header, value)
    }
    return value
  }
  return remembering
}
