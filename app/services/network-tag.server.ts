import { createHmac } from 'node:crypto'
import { sessionSecrets } from '~/services/session.server'

/**
 * Keyed, truncated hashes of addresses and networks, for the few places that must tell one
 * place from another without keeping where anyone is: the networks behind flags, and the
 * address a registration came from. The key is derived from SESSION_SECRET for this purpose
 * only, so a copy of the database cannot be matched against the 2^24 IPv4 /24 networks; rotating
 * the secret starts the comparison afresh (the limits and flags involved live hours or days).
 */
let key: Buffer | undefined
function tagKey(): Buffer {
  key ??= createHmac('sha256', sessionSecrets()[0]!).update('network-tag').digest()
  return key
}

/** 128 bits of HMAC-SHA-256 over `purpose` and `value`, base64url. */
export function networkTag(purpose: string, value: string): string {
  return createHmac('sha256', tagKey())
    .update(`${purpose}\n${value}`)
    .digest('base64url')
    .slice(0, 22)
}
