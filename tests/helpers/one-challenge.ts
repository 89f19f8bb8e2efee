import { afterAll, beforeAll } from 'vitest'
import { createChallengeFor, createUser } from '../factories'
import { startTestServer } from './http'

/**
 * A test server for the file and one public challenge on it (the page-cache tests' setting).
 * Read the fields inside tests: they are filled in by beforeAll.
 */
export function serverWithOneChallenge() {
  const ctx = {} as { server: Awaited<ReturnType<typeof startTestServer>>; challengeId: number }
  beforeAll(async () => {
    ctx.server = await startTestServer()
    const author = await createUser({ name: 'Författaren Ek' })
    ctx.challengeId = await createChallengeFor(author.id, {
      title: 'Trasiga bänkar i parken vid torget',
    })
  })
  afterAll(() => ctx.server.close())
  return ctx
}
