// Photos and place on a new challenge (issue 13), through the real server: multipart posting,
// processing, serving, and every bad input the issue lists.
import fs from 'node:fs'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { pledge } from '~/models/pledge.server'
import { createChallengeFor, createTaxonomy, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { bombPng, cameraJpeg, metadataOf, multipart, smallPng, SVG } from '../helpers/photos'
import { countRows } from '../helpers/count-rows'

const server = testServerForFile()
let taxonomy: Awaited<ReturnType<typeof createTaxonomy>>
beforeAll(async () => {
  taxonomy = await createTaxonomy()
})

const GPS = { lat: 56.04653, lng: 12.69452 }

function fields(overrides: Record<string, string | string[]> = {}) {
  return {
    intent: 'post',
    title: `Översvämmad gångtunnel ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Tunneln står under vatten varje gång det regnar.',
    categoryId: String(taxonomy.categoryId),
    areaId: String(taxonomy.areaId),
    ...overrides,
  }
}

const post = (client: Client, body: FormData) =>
  client.request('/challenges/new', { method: 'POST', body })

const idFrom = (response: Response) =>
  Number(/\/challenges\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1])

const challengeCount = () => countRows('challenges')

const photoUrls = (html: string) => [
  ...new Set(
    [...html.matchAll(/\/photos\/[A-Za-z0-9_-]{22}\/(?:card|page|full)\.(?:webp|jpg)/g)].map(
      (m) => m[0],
    ),
  ),
]

describe('a challenge with photos and a place', () => {
  it('posts two photos with their texts, uses the photo’s place when asked, and serves them without metadata', async () => {
    const { user, client } = await server.signedIn()
    const form = fields({
      newPhotoAlt: ['Gångtunnel med vatten till knähöjd', 'Trasig brunn vid tunnelns mynning'],
      newPhotoCaption: ['Måndag morgon', ''],
      usePhotoPlace: 'on',
      placeText: 'Gångtunneln under järnvägen vid Norra station',
    })
    const response = await post(
      client,
      multipart(form, [
        { name: 'tunnel.jpg', bytes: await cameraJpeg({ gps: GPS }) },
        { name: 'brunn.png', bytes: await smallPng(), type: 'image/png' },
      ]),
    )
    expect(response.status).toBe(302)
    const id = idFrom(response)
    const challenge = await db
      .selectFrom('challenges')
      .select(['lat', 'lng', 'place_text'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    // Rounded to four decimals: about 10 m.
    expect(challenge).toEqual({
      lat: 56.0465,
      lng: 12.6945,
      place_text: 'Gångtunneln under järnvägen vid Norra station',
    })
    const photos = await db
      .selectFrom('photos')
      .select(['alt_text', 'caption', 'position', 'gps_lat', 'user_id'])
      .where('challenge_id', '=', id)
      .orderBy('position')
      .execute()
    expect(photos).toEqual([
      {
        alt_text: 'Gångtunnel med vatten till knähöjd',
        caption: 'Måndag morgon',
        position: 0,
        gps_lat: null,
        user_id: user.id,
      },
      {
        alt_text: 'Trasig brunn vid tunnelns mynning',
        caption: null,
        position: 1,
        gps_lat: null,
        user_id: user.id,
      },
    ])

    // A visitor reads the page: the photos with their alt texts, the place as text and a link.
    const visitor = server.client()
    const html = await (await visitor.get(`/challenges/${id}`)).text()
    expect(html).toContain('alt="Gångtunnel med vatten till knähöjd"')
    expect(html).toContain('Gångtunneln under järnvägen vid Norra station')
    expect(html).toContain('56.0465, 12.6945')
    expect(html).toContain('https://www.openstreetmap.org/?mlat=56.0465&amp;mlon=12.6945')
    expect(html).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"/)
    const urls = photoUrls(html)
    // Each photo in WebP and in JPEG (sizes the original is smaller than are not offered twice).
    const keys = new Set(urls.map((u) => u.split('/')[2]))
    expect(keys.size).toBe(2)
    for (const key of keys) {
      expect(urls.filter((u) => u.includes(key!) && u.endsWith('.webp')).length).toBeGreaterThan(1)
      expect(urls.filter((u) => u.includes(key!) && u.endsWith('.jpg')).length).toBeGreaterThan(1)
    }
    for (const url of urls) {
      const image = await visitor.get(url)
      expect(image.status, url).toBe(200)
      expect(image.headers.get('content-type')).toBe(
        url.endsWith('.jpg') ? 'image/jpeg' : 'image/webp',
      )
      expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      const bytes = Buffer.from(await image.arrayBuffer())
      expect(await metadataOf(bytes), url).toEqual({ exif: 0, xmp: 0, iptc: 0, markers: [] })
    }
  })

  it('keeps the coordinates empty unless asked, and forgets the photo’s position', async () => {
    const { client } = await server.signedIn()
    const response = await post(
      client,
      multipart(fields({ newPhotoAlt: 'Vatten i tunneln' }), [
        { name: 'tunnel.jpg', bytes: await cameraJpeg({ gps: GPS }) },
      ]),
    )
    expect(response.status).toBe(302)
    const id = idFrom(response)
    const challenge = await db
      .selectFrom('challenges')
      .select(['lat', 'lng'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(challenge).toEqual({ lat: null, lng: null })
    const photo = await db
      .selectFrom('photos')
      .select(['gps_lat', 'gps_lng'])
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(photo).toEqual({ gps_lat: null, gps_lng: null })
  })

  it('takes typed coordinates and a place in words without any photo', async () => {
    const { client } = await server.signedIn()
    const response = await post(
      client,
      multipart(
        fields({ placeText: 'Busshållplatsen Stortorget', lat: '56,04321', lng: '12.69876' }),
      ),
    )
    expect(response.status).toBe(302)
    const challenge = await db
      .selectFrom('challenges')
      .select(['lat', 'lng', 'place_text'])
      .where('id', '=', idFrom(response))
      .executeTakeFirstOrThrow()
    expect(challenge).toEqual({
      lat: 56.0432,
      lng: 12.6988,
      place_text: 'Busshållplatsen Stortorget',
    })
  })
})

describe('formats', () => {
  it('takes WebP and AVIF by their bytes, whatever the file is called', async () => {
    const sharp = (await import('sharp')).default
    const base = sharp({ create: { width: 300, height: 200, channels: 3, background: '#357' } })
    const { client } = await server.signedIn()
    const response = await post(
      client,
      multipart(fields({ newPhotoAlt: ['Ett WebP-foto', 'Ett AVIF-foto'] }), [
        { name: 'foto.jpg', bytes: await base.clone().webp().toBuffer() },
        {
          name: 'foto',
          bytes: await base.clone().avif().toBuffer(),
          type: 'application/octet-stream',
        },
      ]),
    )
    expect(response.status).toBe(302)
    const photos = await db
      .selectFrom('photos')
      .select(['alt_text', 'width', 'height'])
      .where('challenge_id', '=', idFrom(response))
      .orderBy('position')
      .execute()
    expect(photos).toEqual([
      { alt_text: 'Ett WebP-foto', width: 300, height: 200 },
      { alt_text: 'Ett AVIF-foto', width: 300, height: 200 },
    ])
  })
})

describe('without JavaScript: upload first, then write the alternative texts', () => {
  it('answers a post without alt text with the photo kept as a draft, then posts it', async () => {
    const { client } = await server.signedIn()
    const before = await challengeCount()
    const form = fields({ title: 'Trasigt busskur vid Hamngatan' })
    const first = await post(
      client,
      multipart(form, [{ name: 'kur.jpg', bytes: await cameraJpeg({ gps: GPS }) }]),
    )
    expect(first.status).toBe(400)
    const html = await first.text()
    expect(html).toContain('Skriv en alternativ text för fotot.')
    expect(html).toContain('value="Trasigt busskur vid Hamngatan"')
    expect(html).toContain('Fotot vet var det togs.')
    expect(await challengeCount()).toBe(before)
    const key = /name="photoKey" value="([A-Za-z0-9_-]{22})"/.exec(html)?.[1]
    expect(key).toBeTruthy()
    // The draft is its uploader's alone.
    expect((await client.get(`/photos/${key}/card.webp`)).headers.get('cache-control')).toBe(
      'private, no-store',
    )
    expect((await server.client().get(`/photos/${key}/card.webp`)).status).toBe(404)

    const second = await post(
      client,
      multipart({
        ...form,
        photoKey: key!,
        photoAlt: 'Busskur med krossat glas',
        photoCaption: '',
        usePhotoPlace: 'on',
      }),
    )
    expect(second.status).toBe(302)
    const id = idFrom(second)
    const challenge = await db
      .selectFrom('challenges')
      .select(['lat', 'lng'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(challenge).toEqual({ lat: 56.0465, lng: 12.6945 })
    expect((await server.client().get(`/photos/${key}/page.jpg`)).status).toBe(200)
  })

  it('uploads with the upload button and removes a draft on request', async () => {
    const { client } = await server.signedIn()
    const form = fields({ photoAction: 'upload' })
    const first = await post(
      client,
      multipart(form, [{ name: 'a.png', bytes: await smallPng(), type: 'image/png' }]),
    )
    expect(first.status).toBe(200)
    const key = /name="photoKey" value="([A-Za-z0-9_-]{22})"/.exec(await first.text())![1]!
    const second = await post(
      client,
      multipart({ ...form, photoKey: key, photoAlt: '', photoCaption: '', photoRemove: key }),
    )
    expect(second.status).toBe(200)
    expect(await second.text()).not.toContain('name="photoKey"')
    expect(
      await db.selectFrom('photos').select('id').where('key', '=', key).executeTakeFirst(),
    ).toBeUndefined()
  })
})

describe('bad input: a clear answer under the field, the form kept, nothing written', () => {
  async function refused(
    files: Parameters<typeof multipart>[1],
    extra: Record<string, string | string[]> = {},
  ) {
    const { client } = await server.signedIn()
    const before = await challengeCount()
    const title = `Kvarhållen rubrik ${Math.random().toString(36).slice(2, 8)}`
    const response = await post(client, multipart(fields({ title, ...extra }), files))
    const html = await response.text()
    expect(html, 'the title is kept').toContain(`value="${title}"`)
    expect(await challengeCount(), 'no challenge written').toBe(before)
    return { status: response.status, html }
  }

  it('refuses a file that is not an image', async () => {
    const { status, html } = await refused([
      {
        name: 'lista.jpg',
        bytes: Buffer.from('namn;adress\nAnna;Storgatan 1\n'),
        type: 'image/jpeg',
      },
    ])
    expect(status).toBe(400)
    expect(html).toContain('”lista.jpg” är inte en bild.')
    expect(html).toMatch(/id="photos-files-error"/)
  })

  it('refuses an SVG', async () => {
    const { status, html } = await refused(
      [{ name: 'ritning.svg', bytes: SVG, type: 'image/svg+xml' }],
      {
        newPhotoAlt: 'En ritning',
      },
    )
    expect(status).toBe(400)
    expect(html).toContain('”ritning.svg” har ett format som inte tas emot.')
  })

  it('refuses a truncated JPEG', async () => {
    const whole = await cameraJpeg()
    const { status, html } = await refused(
      [{ name: 'halv.jpg', bytes: whole.subarray(0, Math.floor(whole.length / 2)) }],
      { newPhotoAlt: 'Halv bild' },
    )
    expect(status).toBe(400)
    expect(html).toContain('”halv.jpg” gick inte att läsa.')
  })

  it('refuses a 100-megapixel PNG without the memory growing past 100 MB', async () => {
    const bomb = await bombPng()
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    // The peak resident memory of this process (the server runs in it), reset first.
    fs.writeFileSync('/proc/self/clear_refs', '5')
    const before = process.memoryUsage().rss
    const { status, html } = await refused([{ name: 'bomb.png', bytes: bomb, type: 'image/png' }], {
      newPhotoAlt: 'Bomb',
    })
    const peakKb = Number(
      /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1],
    )
    expect(status).toBe(400)
    expect(html).toContain('”bomb.png” har för många bildpunkter.')
    expect(peakKb * 1024 - before).toBeLessThan(100 * 1024 * 1024)
  })

  it('refuses seven photos', async () => {
    const png = await smallPng(64, 48)
    const { status, html } = await refused(
      Array.from({ length: 7 }, (_, i) => ({ name: `${i}.png`, bytes: png, type: 'image/png' })),
    )
    expect(status).toBe(400)
    expect(html).toContain('Du kan lägga till högst 6 foton.')
    expect(html).not.toContain('name="photoKey"')
  })

  it('answers a photo over 10 MB with 413 and keeps the others', async () => {
    const { status, html } = await refused(
      [
        { name: 'stor.jpg', bytes: Buffer.alloc(11 * 1024 * 1024, 1) },
        { name: 'liten.png', bytes: await smallPng(), type: 'image/png' },
      ],
      { newPhotoAlt: ['Stor', 'Liten'] },
    )
    expect(status).toBe(413)
    expect(html).toContain('”stor.jpg” är större än 10 MB.')
    expect(html.match(/name="photoKey"/g)).toHaveLength(1)
  })

  it('answers a 50 MB body with 413 and the form kept', async () => {
    const chunk = Buffer.alloc(9 * 1024 * 1024, 2)
    const { status, html } = await refused(
      Array.from({ length: 6 }, (_, i) => ({ name: `${i}.jpg`, bytes: chunk })),
    )
    expect(status).toBe(413)
    expect(html).toContain('Fotona är tillsammans större än 40 MB.')
  })

  it('refuses a body far over the limit before reading it', async () => {
    const { client } = await server.signedIn()
    const response = await client
      .request('/challenges/new', {
        method: 'POST',
        headers: {
          'Content-Type': 'multipart/form-data; boundary=x',
          'Content-Length': String(200 * 1024 * 1024),
        },
        body: '--x--',
      })
      .catch(() => null)
    // The server answers 413 at once and closes; fetch may see the answer or the closed socket.
    if (response) expect(response.status).toBe(413)
  })

  it('refuses coordinates outside the town and half a pair', async () => {
    const outside = await refused([], { lat: '59.3293', lng: '18.0686' })
    expect(outside.status).toBe(400)
    expect(outside.html).toContain('Platsen ligger utanför kommunen.')
    const half = await refused([], { lat: '56.05' })
    expect(half.status).toBe(400)
    expect(half.html).toContain('Fyll i både latitud och longitud, eller ingen av dem.')
  })

  it('takes multipart only where photos are posted', async () => {
    const { client } = await server.signedIn()
    const response = await client.request('/me', {
      method: 'POST',
      body: multipart({ intent: 'x' }),
    })
    expect(response.status).toBe(415)
  })
})

/** A new member posts a challenge with one small PNG: their client, the challenge, the photo's key. */
async function postedWithOnePng(alt: string, fileName: string) {
  const { client } = await server.signedIn()
  const response = await post(
    client,
    multipart(fields({ newPhotoAlt: alt }), [
      { name: fileName, bytes: await smallPng(), type: 'image/png' },
    ]),
  )
  const id = idFrom(response)
  const { key } = await db
    .selectFrom('photos')
    .select('key')
    .where('challenge_id', '=', id)
    .executeTakeFirstOrThrow()
  return { client, id, key }
}

describe('serving', () => {
  it('answers 404 for a hidden photo to everyone but its author and staff', async () => {
    const { client, id, key } = await postedWithOnePng('Klotter på bron', 'bro.png')
    const moderator = await server.signedIn({ role: 'moderator' })
    await db
      .updateTable('photos')
      .set({
        hidden_at: new Date().toISOString(),
        hidden_reason: 'Visar en persons ansikte',
        hidden_by: moderator.user.id,
      })
      .where('key', '=', key)
      .execute()
    const url = `/photos/${key}/page.webp`
    expect((await server.client().get(url)).status).toBe(404)
    expect((await (await server.signedIn()).client.get(url)).status).toBe(404)
    const own = await client.get(url)
    expect(own.status).toBe(200)
    expect(own.headers.get('cache-control')).toBe('private, no-store')
    expect((await moderator.client.get(url)).status).toBe(200)
    // Nor is it in the page for others.
    const page = await (await server.client().get(`/challenges/${id}`)).text()
    expect(page).not.toContain(key)
  })

  it('answers 404 for unknown keys and malformed names', async () => {
    const visitor = server.client()
    for (const url of [
      '/photos/AAAAAAAAAAAAAAAAAAAAAA/page.webp',
      '/photos/short/page.webp',
      '/photos/AAAAAAAAAAAAAAAAAAAAAA/huge.webp',
      '/photos/AAAAAAAAAAAAAAAAAAAAAA/page.gif',
    ]) {
      expect((await visitor.get(url)).status, url).toBe(404)
    }
  })

  it('keeps a pending challenge’s photos from visitors', async () => {
    const { client, id, key } = await postedWithOnePng('Skylt', 's.png')
    await db.updateTable('challenges').set({ status: 'pending' }).where('id', '=', id).execute()
    expect((await server.client().get(`/photos/${key}/card.jpg`)).status).toBe(404)
    expect((await client.get(`/photos/${key}/card.jpg`)).headers.get('cache-control')).toBe(
      'private, no-store',
    )
  })
})

describe('photos on proposals and progress updates', () => {
  it('posts a proposal with a photo, and keeps the photo when its alt text is missing', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const { client } = await server.signedIn()
    const path = `/challenges/${challengeId}`
    const body = 'Bygg en pumpstation vid tunneln.'
    const first = await client.request(path, {
      method: 'POST',
      body: multipart({ intent: 'solution', body }, [
        { name: 'pump.png', bytes: await smallPng(), type: 'image/png' },
      ]),
    })
    expect(first.status).toBe(400)
    const html = await first.text()
    expect(html).toContain('Skriv en alternativ text för fotot.')
    const key = /name="photoKey" value="([A-Za-z0-9_-]{22})"/.exec(html)?.[1]
    expect(key).toBeTruthy()
    expect(
      await db
        .selectFrom('solutions')
        .select('id')
        .where('challenge_id', '=', challengeId)
        .execute(),
    ).toEqual([])

    const second = await client.request(path, {
      method: 'POST',
      body: multipart({
        intent: 'solution',
        body,
        photoKey: key!,
        photoAlt: 'Skiss av en pumpstation',
        photoCaption: '',
      }),
    })
    expect(second.status).toBe(302)
    const solution = await db
      .selectFrom('solutions')
      .select('id')
      .where('challenge_id', '=', challengeId)
      .executeTakeFirstOrThrow()
    const photo = await db
      .selectFrom('photos')
      .select(['solution_id', 'alt_text'])
      .where('key', '=', key!)
      .executeTakeFirstOrThrow()
    expect(photo).toEqual({ solution_id: solution.id, alt_text: 'Skiss av en pumpstation' })
    const page = await (await server.client().get(path)).text()
    expect(page).toContain('alt="Skiss av en pumpstation"')
    expect((await server.client().get(`/photos/${key}/card.webp`)).status).toBe(200)
  })

  it('posts a progress update with a photo', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const { user, client } = await server.signedIn()
    const pledgeId = await pledge({
      challengeId,
      userId: user.id,
      organisationId: null,
      plan: 'Vi rensar brunnarna.',
    })
    const response = await client.request(`/challenges/${challengeId}`, {
      method: 'POST',
      body: multipart(
        {
          intent: 'progress',
          pledgeId: String(pledgeId),
          body: 'Första brunnen är rensad.',
          newPhotoAlt: 'Rensad brunn med nytt galler',
        },
        [{ name: 'brunn.jpg', bytes: await cameraJpeg({ gps: GPS }) }],
      ),
    })
    expect(response.status).toBe(302)
    const photo = await db
      .selectFrom('photos')
      .innerJoin('pledge_updates', 'pledge_updates.id', 'photos.pledge_update_id')
      .select(['pledge_updates.pledge_id', 'photos.alt_text', 'photos.gps_lat'])
      .where('pledge_updates.pledge_id', '=', pledgeId)
      .executeTakeFirstOrThrow()
    expect(photo).toEqual({
      pledge_id: pledgeId,
      alt_text: 'Rensad brunn med nytt galler',
      gps_lat: null,
    })
    const page = await (await server.client().get(`/challenges/${challengeId}`)).text()
    expect(page).toContain('alt="Rensad brunn med nytt galler"')
  })

  it('ignores files sent with an intent that takes none', async () => {
    const owner = await createUser()
    const challengeId = await createChallengeFor(owner.id)
    const { user, client } = await server.signedIn()
    const response = await client.request(`/challenges/${challengeId}`, {
      method: 'POST',
      body: multipart({ intent: 'follow' }, [
        { name: 'x.png', bytes: await smallPng(), type: 'image/png' },
      ]),
    })
    expect(response.status).toBe(302)
    expect(
      await db.selectFrom('photos').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([])
  })
})

describe('the sizes a gallery offers', () => {
  const srcsetOf = (html: string, type: string) =>
    new RegExp(`<source type="${type}" srcSet="([^"]+)"`, 'i').exec(html)?.[1]

  /** Makes the photo's page size look stored before it became 768 px (its files 1024 px wide). */
  const storedAt1024 = (photoId: number) =>
    db
      .updateTable('photo_variants')
      .set({ width: 1024, height: 768 })
      .where('photo_id', '=', photoId)
      .where('size', '=', 'page')
      .execute()

  /** A challenge posted through the form with one 1600 × 1200 photo. */
  async function postOnePhoto() {
    const { client } = await server.signedIn()
    const response = await post(
      client,
      multipart(fields({ newPhotoAlt: 'Vatten i tunneln' }), [
        { name: 'tunnel.jpg', bytes: await cameraJpeg({ width: 1600, height: 1200 }) },
      ]),
    )
    expect(response.status).toBe(302)
    const id = idFrom(response)
    const { key, photoId } = await db
      .selectFrom('photos')
      .select(['key', 'id as photoId'])
      .where('challenge_id', '=', id)
      .executeTakeFirstOrThrow()
    return { id, key, photoId }
  }

  it('says each stored file’s real width, also for a photo stored when the page size was 1024 px', async () => {
    const { id, key, photoId } = await postOnePhoto()

    // A phone's gallery takes the 768-px page size (PHOTO_SIZES), not 1024 px as before.
    let html = await (await server.client().get(`/challenges/${id}`)).text()
    expect(srcsetOf(html, 'image/webp')).toBe(
      `/photos/${key}/card.webp 480w, /photos/${key}/page.webp 768w, /photos/${key}/full.webp 1600w`,
    )
    expect(html).toMatch(new RegExp(`src="/photos/${key}/page.jpg"[^>]* width="768" height="576"`))
    for (const [file, width] of [
      ['card.webp', 480],
      ['page.webp', 768],
      ['page.jpg', 768],
      ['full.webp', 1600],
    ] as const) {
      const image = await server.client().get(`/photos/${key}/${file}`)
      expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width, file).toBe(
        width,
      )
    }

    // A photo stored before keeps its files: the page and the API say the width they have.
    await storedAt1024(photoId)
    server.app.pageCache?.clear() // written behind the app's back
    html = await (await server.client().get(`/challenges/${id}`)).text()
    expect(srcsetOf(html, 'image/webp')).toBe(
      `/photos/${key}/card.webp 480w, /photos/${key}/page.webp 1024w, /photos/${key}/full.webp 1600w`,
    )
    expect(html).toMatch(new RegExp(`src="/photos/${key}/page.jpg"[^>]* width="1024" height="768"`))
    const api = (await (await server.client().get(`/api/v1/challenges/${id}`)).json()) as {
      data: { photos: Array<{ sizes: Record<string, { width: number; height: number }> }> }
    }
    expect(
      Object.fromEntries(
        Object.entries(api.data.photos[0]!.sizes).map(([size, s]) => [size, [s.width, s.height]]),
      ),
    ).toEqual({ card: [480, 360], page: [1024, 768], full: [1600, 1200] })
  })

  it('says the stored width on the triage page too, for a photo stored at 1024 px', async () => {
    const { id, key, photoId } = await postOnePhoto()
    const moderator = await server.signedIn({ role: 'moderator' })
    const triage = async () => (await moderator.client.get(`/moderation/challenges/${id}`)).text()

    expect(srcsetOf(await triage(), 'image/webp')).toBe(
      `/photos/${key}/card.webp 480w, /photos/${key}/page.webp 768w, /photos/${key}/full.webp 1600w`,
    )
    await storedAt1024(photoId)
    const html = await triage()
    expect(srcsetOf(html, 'image/webp')).toBe(
      `/photos/${key}/card.webp 480w, /photos/${key}/page.webp 1024w, /photos/${key}/full.webp 1600w`,
    )
    expect(html).toContain(
      `srcSet="/photos/${key}/card.jpg 480w, /photos/${key}/page.jpg 1024w, /photos/${key}/full.jpg 1600w"`,
    )
    expect(html).toMatch(new RegExp(`src="/photos/${key}/page.jpg"[^>]* width="1024" height="768"`))
  })
})
