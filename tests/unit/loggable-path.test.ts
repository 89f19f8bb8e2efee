import { describe, expect, it } from 'vitest'
import { loggablePath } from '~/services/log.server'

describe('loggablePath', () => {
  it('keeps secret tokens out of the log, and the query string too', () => {
    expect(loggablePath('/reset-password/abc123?x=1')).toBe('/reset-password/[token]')
    expect(loggablePath('/confirm-email/Zm9vYmFy')).toBe('/confirm-email/[token]')
    expect(loggablePath('/unsubscribe/AbCdEfGhIjKlMnOpQrStUv')).toBe('/unsubscribe/[token]')
    expect(loggablePath('/fixed/12.34.c2lnbmF0dXJl?answer=fixed')).toBe('/fixed/[token]')
    expect(loggablePath('/challenges/12?q=secret')).toBe('/challenges/12')
  })
})
