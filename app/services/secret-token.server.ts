import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe: for session ids and the tokens in mailed links. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What is stored instead of the secret: a copy of the table cannot be used as the secret. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
