import { createCookie, type Cookie } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { rememberingParses } from '~/services/cookie-parses.server'

/** A real signed cookie whose parses are counted. */
function countedCookie() {
  const cookie = createCookie('utmana_session', { secrets: ['s3cret-one', 's3cret-two'] })
  let parses = 0
  const counted = Object.create(cookie) as Cookie
  counted.parse = (header, options) => {
    parses++
    return cookie.parse(header, options)
  }
  return { cookie, counted, parses: () => parses }
}

describe('a cookie whose parses are remembered per header', () => {
  it('reads a signed value as Remix does, checking the signature once per header', async () => {
    const { cookie, counted, parses } = countedCookie()
    const remembering = rememberingParses(counted)
    const header = `lang=sv; ${await cookie.serialize('session-id-1')}`
    expect(await remembering.parse(header)).toBe('session-id-1')
    expect(await remembering.parse(header)).toBe('session-id-1')
    expect(parses()).toBe(1)
    const other = await cookie.serialize('session-id-2')
    expect(await remembering.parse(other)).toBe('session-id-2')
    expect(parses()).toBe(2)
    // The rest of the cookie is the same object's: name, serialize.
    expect(remembering.name).toBe('utmana_session')
    expect(await remembering.parse(await remembering.serialize('x'))).toBe('x')
  })

  it('refuses a tampered or missing value every time', async () => {
    const { cookie, counted } = countedCookie()
    const remembering = rememberingParses(counted)
    const good = await cookie.serialize('session-id-1')
    const tampered = good.replace(/=.{4}/, '=AAAA')
    expect(await remembering.parse(tampered)).toBeNull()
    expect(await remembering.parse(tampered)).toBeNull()
    expect(await remembering.parse(null)).toBeNull()
    expect(await remembering.parse('other=1')).toBeNull()
  })

  it('stays within its cap when every header is new', async () => {
    const { cookie, counted, parses } = countedCookie()
    const remembering = rememberingParses(counted)
    const first = await cookie.serialize('first')
    expect(await remembering.parse(first)).toBe('first')
    for (let i = 0; i < 1000; i++) await remembering.parse(`junk=${i}`)
    // The map was emptied when full: the first header is parsed again, and still right.
    const before = parses()
    expect(await remembering.parse(first)).toBe('first')
    expect(parses()).toBe(before + 1)
  })
})
