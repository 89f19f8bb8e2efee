import { describe, expect, it } from 'vitest'
import { clientKey, networkKey } from '~/services/client-ip'

describe('clientKey', () => {
  it('keeps IPv4 and unwraps IPv4-mapped IPv6', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7')
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7')
  })

  it('groups IPv6 addresses by their /64 network', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientKey('::1')).toBe('0:0:0:0::/64')
  })

  it('never throws on odd input', () => {
    expect(clientKey(undefined)).toBe('unknown')
    expect(clientKey('not an ip')).toBe('not an ip')
  })
})

describe('networkKey', () => {
  it('groups IPv4 by /24 and IPv6 by /48 (issue 10, items 3 and 12)', () => {
    expect(networkKey('203.0.113.7')).toBe('203.0.113.0/24')
    expect(networkKey('203.0.113.250')).toBe('203.0.113.0/24')
    expect(networkKey('::ffff:203.0.113.7')).toBe('203.0.113.0/24')
    expect(networkKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1::/48')
    expect(networkKey('2001:db8:1:ff00::9')).toBe('2001:db8:1::/48')
    expect(networkKey('2001:db8::1')).toBe('2001:db8:0::/48')
    expect(networkKey(undefined)).toBe('unknown')
    expect(networkKey('not an ip')).toBe('not an ip')
  })
})
