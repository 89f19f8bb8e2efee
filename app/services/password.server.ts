import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id parameters: 19 MiB memory, 2 iterations, 1 lane. ~8 ms per hash here.
const ARGON2ID = 2 // Algorithm.Argon2id; a const enum, which isolatedModules cannot import
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
const getDummyHash = () => (dummyHash ??= hashPassword(`not-a-password-${Math.random()}`))

/** Made at start-up, so even the first unknown email costs no more than a wrong password. */
export async function warmPasswordCheck() {
  await getDummyHash()
}

/** Spend the same time as a real check, so an unknown email answers no faster than a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
  await verifyPassword(await getDummyHash(), password)
  return false
}
