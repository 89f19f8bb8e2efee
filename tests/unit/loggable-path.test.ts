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

  it('redacts tokens on every path the router would match too', () => {
    for (const path of [
      '/RESET-PASSWORD/abc123',
      '//reset-password/abc123',
      '/reset-password//abc123',
      '/reset%2Dpassword/abc123',
      '/Unsubscribe/AbCdEf',
    ]) {
      expect(loggablePath(path), path).toMatch(/^\/(reset-password|unsubscribe)\/\[token\]$/)
      expect(loggablePath(path)).not.toContain('abc123')
    }
    expect(loggablePath('/%FF/x')).toBe('/%FF/x')
  })
})
