// Page reads and writes wait for turns of their own (server/turns.ts, createRequestTurns): a
// write waiting for a thread (here a camera photo's processing) holds a write's turn, never a
// reader's page. Through the real server, as a member would meet it.
import { beforeAll, describe, expect, it } from 'vitest'
import { createTaxonomy } from '../factories'
import { testServerForFile } from '../helpers/http'
import { cameraJpeg, multipart } from '../helpers/photos'

const server = testServerForFile()
let taxonomy: Awaited<ReturnType<typeof createTaxonomy>>
beforeAll(async () => {
  taxonomy = await createTaxonomy()
})

describe('turns', () => {
  it('answers a member’s page while photo uploads hold every write turn', async () => {
    // 12 megapixels: each takes a second or more to check and encode in three sizes.
    const photo = await cameraJpeg({ width: 4000, height: 3000 })
    const writers = await Promise.all([1, 2, 3, 4].map(() => server.signedIn()))
    const reader = await server.signedIn()
    const order: string[] = []
    const uploads = writers.map(({ client }, i) =>
      client
        .request('/challenges/new', {
          method: 'POST',
          body: multipart(
            {
              intent: 'post',
              title: `Klotter på busskuren vid skolan ${i + 1}`,
              description: 'Busskuren har klottrats ner igen.',
              categoryId: String(taxonomy.categoryId),
              areaId: String(taxonomy.areaId),
              newPhotoAlt: 'Klotter på busskurens glas',
            },
            [{ name: 'busskur.jpg', bytes: photo }],
          ),
        })
        .then((response) => {
          order.push('upload')
          return response.status
        }),
    )
    // The four uploads are inside the app, each holding a write turn, before the page is asked.
    for (let waited = 0; server.app.turns.stats().writes.active < 4; waited += 10) {
      if (waited > 10_000) throw new Error('the uploads never took their turns')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(order).toEqual([])
    const page = reader.client.get('/challenges').then((response) => {
      order.push('page')
      return response.status
    })
    expect(await Promise.all([...uploads, page])).toEqual([302, 302, 302, 302, 200])
    expect(order[0], 'the page waited for an upload to finish').toBe('page')
  }, 60_000)
})
