import { isIP } from 'node:net'

/** The eight groups of an IPv6 address, `::` expanded; each as a lower-case hex number. */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left
  return groups.map((g) => parseInt(g || '0', 16).toString(16))
}

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i

/**
 * The key rate limits use for an address. IPv4 as is; IPv6 by its /64 network, since one
 * household or server usually holds a whole /64 and could otherwise rotate addresses freely.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  const mapped = MAPPED_IPV4.exec(ip)
  if (mapped) return mapped[1]!
  if (isIP(ip) !== 6) return ip
  return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`
}

/**
 * The network above an address, for telling "many people" from "one place": IPv4 by its /24,
 * IPv6 by its /48. In IPv6 a /64 is one household's or one server's LAN (the address itself to
 * the rate limits), and a home connection or a rented server usually gets a /56 or a /48, so
 * counting /64s would let one subscriber look like 256 networks.
 */
export function networkKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  const mapped = MAPPED_IPV4.exec(ip)
  const v4 = mapped ? mapped[1]! : isIP(ip) === 4 ? ip : null
  if (v4) return `${v4.split('.').slice(0, 3).join('.')}.0/24`
  if (isIP(ip) !== 6) return ip
  return `${ipv6Groups(ip).slice(0, 3).join(':')}::/48`
}
