import { describe, expect, it } from 'vitest'
import { createChallengeFor, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

const server = testServerForFile()

describe('the bytes of a page', () => {
  it('never carry NUL bytes, however Swedish text falls across the renderer’s buffers', async () => {
    const author = await createUser({ name: 'Åsa Öberg' })
    // Titles of every length put å, ä and ö at every offset of the renderer's 2 KB buffers.
    for (let n = 20; n < 60; n++) {
      await createChallengeFor(author.id, { title: `Gångväg ${'åäö'.repeat(n).slice(0, n)} ${n}` })
    }
    for (const path of [
      '/challenges',
      '/challenges?sort=top',
      '/',
      '/outcomes',
      '/organisations',
    ]) {
      const response = await server.client().get(path)
      expect(response.status).toBe(200)
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect(bytes.indexOf(0), `a NUL byte in ${path}`).toBe(-1)
      // And nothing cut in the middle of a character.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow()
    }
  })
})
