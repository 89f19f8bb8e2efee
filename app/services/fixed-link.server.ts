import { createHmac, timingSafeEqual } from 'node:crypto'
import { sessionSecrets } from '~/services/session.server'

/**
 * The one-click links in the "is it fixed?" mail: a token per person and challenge, signed with
 * the site's secret (HMAC-SHA-256), so nothing has to be stored to check it and the mail can be
 * written whenever the notification is mailed. Rotating SESSION_SECRET keeps older links
 * working while the old secret stays in the list. The token names the challenge and the person
 * by id only: it answers one question, for one person, and cannot sign anyone in.
 */
const PURPOSE = 'fixed-question'

let keys: Buffer[] | undefined
function signingKeys(): Buffer[] {
  // A key per secret, derived for this purpose alone: a session cookie's signature is never a
  // valid answer link, and the other way round.
  keys ??= sessionSecrets().map((secret) => createHmac('sha256', secret).update(PURPOSE).digest())
  return keys
}

function mac(key: Buffer, challengeId: number, userId: number) {
  return createHmac('sha256', key).update(`${challengeId}:${userId}`).digest('base64url')
}

export function signFixedToken(challengeId: number, userId: number): string {
  return `${challengeId}.${userId}.${mac(signingKeys()[0]!, challengeId, userId)}`
}

const TOKEN = /^([1-9][0-9]{0,15})\.([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{43})$/

/** The challenge and person a token was signed for, or null for anything else. */
export function verifyFixedToken(token: string): { challengeId: number; userId: number } | null {
  const match = TOKEN.exec(token)
  if (!match) return null
  const challengeId = Number(match[1])
  const userId = Number(match[2])
  if (!Number.isSafeInteger(challengeId) || !Number.isSafeInteger(userId)) return null
  const given = Buffer.from(match[3]!)
  const valid = signingKeys().some((key) => {
    const expected = Buffer.from(mac(key, challengeId, userId))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
  return valid ? { challengeId, userId } : null
}

/** The page the mail links to, with the answer preselected. */
export function fixedAnswerUrl(
  siteUrl: string,
  challengeId: number,
  userId: number,
  answer: string,
) {
  return `${siteUrl}/fixed/${signFixedToken(challengeId, userId)}?answer=${answer}`
}
