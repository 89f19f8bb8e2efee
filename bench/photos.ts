/**
 * Photos (issue 13): what one upload costs the production server, and what a first view of a
 * page with photos costs a browser.
 *
 * - Upload: a 12-megapixel camera JPEG (4000 × 3000, ~4 MB, EXIF with a GPS position) posted as
 *   multipart through the real `/challenges/new` form, signed in, one challenge with one photo per
 *   request, in sequence. Per photo: the request's time, and the server's RSS before and after
 *   and its peak during the request (VmHWM from /proc/PID/status, reset before each request by
 *   writing 5 to /proc/PID/clear_refs).
 * - First view: Debian's Chromium (Playwright) opens a page at 1280 × 800 without scrolling;
 *   HTML bytes as sent (brotli/gzip, as the browser asked) and unpacked, and the images the
 *   browser fetched before the page settled, split into those on the first screen or marked
 *   eager (what any browser loads) and the rest (lazy images Chromium fetches early because they
 *   lie within its load-ahead distance).
 * - The large town gets its photos without the form: a few photos are processed once by the
 *   app's own processPhoto and their variants written again for each challenge that shows one.
 */
import fs from 'node:fs'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import SQLite from 'better-sqlite3'
import sharp, { type OutputInfo } from 'sharp'
import { chromium } from 'playwright-core'
import { processPhoto, type ProcessedPhoto } from '../app/services/photo-processing.server'
import { f1, int, kb, markdownTable, mb } from './report'

const WIDTH = 4000
const HEIGHT = 3000

/** A small deterministic generator, so every run uploads the same photos. */
function random(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 2 ** 32
  }
}

/**
 * A 12-megapixel photo as a phone camera writes it: a scene of shapes over a sky-to-ground
 * gradient, a coarse texture (leaves, asphalt) and fine sensor grain, so the encoders have real
 * detail to work on (~2.8 MB at quality 90, like a phone), with the camera's EXIF and a GPS position in
 * Helsingborg.
 */
export async function cameraPhoto(seed: number): Promise<Buffer> {
  const rnd = random(seed * 7919 + 17)
  const shapes: string[] = []
  for (let i = 0; i < 60; i++) {
    const colour = `hsl(${Math.floor(rnd() * 360)},${30 + rnd() * 40}%,${25 + rnd() * 50}%)`
    shapes.push(
      `<rect x="${rnd() * WIDTH}" y="${rnd() * HEIGHT}" width="${rnd() * 900}" height="${rnd() * 700}" fill="${colour}" transform="rotate(${rnd() * 40 - 20})"/>`,
      `<circle cx="${rnd() * WIDTH}" cy="${rnd() * HEIGHT}" r="${rnd() * 300}" fill="${colour}" opacity="0.7"/>`,
    )
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb4d8"/><stop offset="0.55" stop-color="#d9d2c0"/><stop offset="1" stop-color="#4b5a3a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes.join('')}</svg>`
  const noise = (width: number, height: number, sigma: number) =>
    sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma },
      },
    })
  const texture = await noise(800, 600, 25)
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  const grain = await noise(WIDTH, HEIGHT, 8).raw().toBuffer({ resolveWithObject: true })
  const raw = (r: { data: Buffer; info: OutputInfo }) => ({
    input: r.data,
    raw: { width: r.info.width, height: r.info.height, channels: r.info.channels },
  })
  const lat = 56.04 + rnd() * 0.01
  const lng = 12.69 + rnd() * 0.01
  const dms = (v: number) => {
    const d = Math.floor(v)
    const m = Math.floor((v - d) * 60)
    const s = Math.round(((v - d) * 60 - m) * 6000)
    return `${d}/1 ${m}/1 ${s}/100`
  }
  return sharp(Buffer.from(svg))
    .composite([
      { ...raw(texture), blend: 'overlay' },
      { ...raw(grain), blend: 'soft-light' },
    ])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Telefonbolaget', Model: 'Kamera 12', Software: 'Firmware 1.0' },
      IFD2: { DateTimeOriginal: '2026:11:30 08:15:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(lng),
      },
    })
    .toBuffer()
}

// ---------------------------------------------------------------------------------------------
// Photos in the large database

export interface SeededPhotos {
  templates: number
  photos: number
  challenges: number
  variantBytes: number
  /** A visible challenge with several photos: the challenge page measured. */
  pageChallenge: number
  seconds: number
}

/**
 * Gives challenges photos, as posting them would have: `photos` rows attached to the challenge
 * with their alt text, and their variants, made by processPhoto from `templates` and reused (the
 * bytes are the same, the rows are each photo's own, so serving and deleting work as usual).
 * Every second one of the `newest` newest visible challenges (the board's first pages, sorted
 * new first) gets one photo, and one challenge gets `pagePhotos`.
 */
export function addPhotos(
  file: string,
  templates: ProcessedPhoto[],
  options: { newest: number; pagePhotos: number; pageChallenge: number },
): SeededPhotos {
  const started = performance.now()
  const db = new SQLite(file)
  db.pragma('foreign_keys = ON')
  try {
    const author = db
      .prepare(`select id from users where role = 'member' order by id limit 1`)
      .pluck()
      .get() as number
    const newest = db
      .prepare(
        `select id from challenges where hidden_at is null and status <> 'pending'
         order by created_at desc, id desc limit ?`,
      )
      .pluck()
      .all(options.newest) as number[]
    const insertPhoto = db.prepare(
      `insert into photos (key, user_id, challenge_id, position, alt_text, width, height, attached_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const insertVariant = db.prepare(
      `insert into photo_variants (photo_id, size, format, width, height, byte_length, bytes)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    let photos = 0
    let variantBytes = 0
    const now = new Date().toISOString()
    const add = (challengeId: number, position: number, template: ProcessedPhoto) => {
      const { lastInsertRowid } = insertPhoto.run(
        randomBytes(16).toString('base64url'),
        author,
        challengeId,
        position,
        `Fotografi ${photos + 1} av platsen`,
        template.width,
        template.height,
        now,
      )
      for (const v of template.variants) {
        insertVariant.run(
          lastInsertRowid,
          v.size,
          v.format,
          v.width,
          v.height,
          v.bytes.length,
          v.bytes,
        )
        variantBytes += v.bytes.length
      }
      photos++
    }
    const challenges = new Set<number>()
    db.transaction(() => {
      newest.forEach((id, i) => {
        if (i % 2 !== 0) return
        add(id, 0, templates[photos % templates.length]!)
        challenges.add(id)
      })
      for (let p = 0; p < options.pagePhotos; p++)
        add(options.pageChallenge, p, templates[p % templates.length]!)
      challenges.add(options.pageChallenge)
    })()
    return {
      templates: templates.length,
      photos,
      challenges: challenges.size,
      variantBytes,
      pageChallenge: options.pageChallenge,
      seconds: (performance.now() - started) / 1000,
    }
  } finally {
    db.close()
  }
}

/** Processes photos as the server would, once, for addPhotos. */
export async function templatePhotos(jpegs: Buffer[]): Promise<ProcessedPhoto[]> {
  const out: ProcessedPhoto[] = []
  for (const bytes of jpegs) {
    const result = await processPhoto(bytes)
    if (!result.ok) throw new Error(`processPhoto refused a bench photo: ${result.reason}`)
    out.push(result.photo)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Uploads through the form

function memory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kB = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024
  return { rss: kB('VmRSS'), hwm: kB('VmHWM') }
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux ≥ 4.0, own processes). */
function resetPeak(pid: number) {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

export interface Upload {
  ms: number
  status: number
  bytes: number
  rssBefore: number
  rssAfter: number
  peak: number
}

export interface UploadForm {
  categoryId: number
  areaId: number
}

/** A category and an area a member may post in. */
export function uploadForm(file: string): UploadForm {
  const db = new SQLite(file, { readonly: true })
  try {
    const one = (q: string) => db.prepare(q).pluck().get() as number
    return {
      categoryId: one('select id from categories order by id limit 1'),
      areaId: one('select id from areas order by id limit 1'),
    }
  } finally {
    db.close()
  }
}

/** A new challenge with `photos` posted through the form as a browser would (multipart). */
export async function postChallenge(
  origin: string,
  cookie: string,
  form: UploadForm,
  photos: Buffer[],
  title: string,
) {
  const body = new FormData()
  const fields: Record<string, string> = {
    intent: 'post',
    title,
    description: 'Vattnet står högt i gångtunneln efter varje regn; fotona visar hur det ser ut.',
    categoryId: String(form.categoryId),
    areaId: String(form.areaId),
    placeText: 'Gångtunneln under järnvägen vid Norra station',
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  photos.forEach((bytes, i) => {
    body.append('newPhotoAlt', `Gångtunneln med vatten, bild ${i + 1}`)
    body.append('newPhotoCaption', '')
    body.append('photos', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), `IMG_${i}.jpg`)
  })
  // Serialised as fetch would send it, then sent on a connection of its own: a kept-alive
  // socket the server closes while a 3 MB body is on its way fails the request.
  const request = new Request(`${origin}/challenges/new`, { method: 'POST', body })
  const payload = Buffer.from(await request.arrayBuffer())
  const { status, location } = await new Promise<{ status: number; location: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${origin}/challenges/new`,
        {
          method: 'POST',
          agent: false,
          headers: {
            cookie,
            origin,
            'content-type': request.headers.get('content-type')!,
            'content-length': payload.length,
          },
        },
        (res) => {
          res.resume()
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? '' }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.setTimeout(120_000, () => req.destroy(new Error('timeout: POST /challenges/new')))
      req.end(payload)
    },
  )
  const id = Number(/\/challenges\/(\d+)$/.exec(location)?.[1])
  return { status, id }
}

/**
 * `jpegs.length` uploads in sequence, each one challenge with one photo, each by its own member
 * (the per-member posting limit is 20 an hour); the first `warmup` are not counted.
 */
export async function measureUploads(
  origin: string,
  pid: number,
  cookies: string[],
  form: UploadForm,
  jpegs: Buffer[],
  warmup = 1,
): Promise<Upload[]> {
  const uploads: Upload[] = []
  for (let i = 0; i < jpegs.length; i++) {
    const bytes = jpegs[i]!
    const before = memory(pid)
    resetPeak(pid)
    const started = performance.now()
    const result = await postChallenge(
      origin,
      cookies[i % cookies.length]!,
      form,
      [bytes],
      `Översvämmad gångtunnel, mätning ${i + 1} ${randomBytes(3).toString('hex')}`,
    )
    const ms = performance.now() - started
    const after = memory(pid)
    if (result.status !== 302 || !result.id)
      throw new Error(`upload ${i + 1} answered ${result.status}, not a redirect to the challenge`)
    if (i >= warmup)
      uploads.push({
        ms,
        status: result.status,
        bytes: bytes.length,
        rssBefore: before.rss,
        rssAfter: after.rss,
        peak: after.hwm,
      })
  }
  return uploads
}

// ---------------------------------------------------------------------------------------------
// First view in a browser

export const VIEWPORT = { width: 1280, height: 800 }

export interface ViewImage {
  url: string
  /** bytes as sent (images are not compressed again in transit) */
  bytes: number
  /** on the first screen, or loading="eager" */
  firstView: boolean
}

export interface FirstView {
  path: string
  htmlBytes: number
  htmlSent: number
  encoding: string
  /** <img> elements on the page, and those that show a stored photo */
  imgElements: number
  photoElements: number
  images: ViewImage[]
}

/** What Chromium loads for `paths` at 1280 × 800 without scrolling (see the top of this file). */
export async function firstViews(origin: string, paths: string[]): Promise<FirstView[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  })
  const views: FirstView[] = []
  try {
    for (const pathname of paths) {
      // A fresh context each time: nothing cached, no cookies (a first visit).
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE' })
      const page = await context.newPage()
      const images = new Map<string, number>()
      const pending: Promise<unknown>[] = []
      page.on('requestfinished', (request) => {
        if (request.resourceType() !== 'image') return
        pending.push(
          request
            .sizes()
            .then((s) => images.set(new URL(request.url()).pathname, s.responseBodySize)),
        )
      })
      const response = await page.goto(origin + pathname, { waitUntil: 'load' })
      if (!response || response.status() !== 200)
        throw new Error(`${pathname} answered ${response?.status()}`)
      await page.waitForLoadState('networkidle')
      await Promise.all(pending)
      const sizes = await response.request().sizes()
      const html = await response.body()
      const elements = await page.$$eval(
        'img',
        (imgs, height) =>
          imgs.map((img) => {
            const r = img.getBoundingClientRect()
            return {
              src: img.currentSrc ? new URL(img.currentSrc).pathname : '',
              eager: img.loading !== 'lazy',
              onScreen: r.width > 0 && r.height > 0 && r.top < height && r.bottom > 0,
              photo: /\/photos\//.test(img.src),
            }
          }),
        VIEWPORT.height,
      )
      const firstScreen = new Set(elements.filter((e) => e.eager || e.onScreen).map((e) => e.src))
      views.push({
        path: pathname,
        htmlBytes: html.length,
        htmlSent: sizes.responseBodySize,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
        imgElements: elements.length,
        photoElements: elements.filter((e) => e.photo).length,
        images: [...images].map(([url, bytes]) => ({
          url,
          bytes,
          firstView: firstScreen.has(url),
        })),
      })
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return views
}

// ---------------------------------------------------------------------------------------------
// Report

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}

export interface PhotosOutcome {
  date: string
  command: string
  machine: string
  database: string
  seeded: SeededPhotos
  templateMs: number[]
  photoBytes: number[]
  uploads: Upload[]
  idleRss: number
  views: Array<FirstView & { label: string }>
}

export function uploadSummary(uploads: Upload[]) {
  const ms = uploads.map((u) => u.ms).sort((a, b) => a - b)
  return {
    median: percentile(ms, 0.5),
    p95: percentile(ms, 0.95),
    peak: Math.max(...uploads.map((u) => u.peak)),
    growth: uploads.at(-1)!.rssAfter - uploads[0]!.rssBefore,
  }
}

export function photosText(o: PhotosOutcome) {
  const s = uploadSummary(o.uploads)
  const lines = [
    `uploads: ${o.uploads.length} × one ${mb(o.photoBytes[0]!)} 12-MP JPEG: median ${f1(s.median)} ms, p95 ${f1(s.p95)} ms; RSS ${mb(o.uploads[0]!.rssBefore)} → ${mb(o.uploads.at(-1)!.rssAfter)}, peak ${mb(s.peak)}`,
  ]
  for (const v of o.views) {
    const first = v.images.filter((i) => i.firstView)
    const sum = (list: ViewImage[]) => list.reduce((n, i) => n + i.bytes, 0)
    lines.push(
      `${v.label} ${v.path}: HTML ${kb(v.htmlSent)} sent (${v.encoding}), ${kb(v.htmlBytes)} unpacked; images first view ${first.length} / ${kb(sum(first))}, all fetched ${v.images.length} / ${kb(sum(v.images))}`,
    )
  }
  return lines.join('\n')
}

export function photosMarkdown(o: PhotosOutcome) {
  const s = uploadSummary(o.uploads)
  const uploadRows = o.uploads.map((u, i) => [
    String(i + 1),
    kb(u.bytes),
    f1(u.ms),
    mb(u.rssBefore),
    mb(u.rssAfter),
    mb(u.peak),
  ])
  const sum = (list: ViewImage[]) => list.reduce((n, i) => n + i.bytes, 0)
  const viewRows = o.views.map((v) => {
    const first = v.images.filter((i) => i.firstView)
    return [
      `${v.label} \`${v.path}\``,
      `${kb(v.htmlSent)} (${v.encoding})`,
      kb(v.htmlBytes),
      `${v.photoElements} / ${v.imgElements}`,
      String(first.length),
      kb(sum(first)),
      String(v.images.length),
      kb(sum(v.images)),
    ]
  })
  const board = o.views.find((v) => v.path === '/challenges')
  const boardNote =
    board && board.photoElements === 0
      ? [
          '',
          `- The board's cards show no photo yet (the first photo on each card is being added to ChallengeCard separately); the board row counts whatever \`<img>\` the cards render, so it shows their photos, with no change here, once that lands. Half the cards of its first pages have a photo in this database.`,
        ]
      : []
  const avgTemplate = o.templateMs.reduce((a, b) => a + b, 0) / o.templateMs.length
  return [
    '## Photos (issue 13)',
    '',
    `- Date: ${o.date}; command: \`${o.command}\`; machine: ${o.machine}; database: ${o.database}.`,
    `- **Upload**: ${o.uploads.length} challenges posted in sequence through \`/challenges/new\` (multipart, signed in, each by another member, one 12-megapixel 4000 × 3000 camera JPEG of ${mb(o.photoBytes[0]!)} with EXIF and GPS each; one upload before them not counted). The server (one process) reads the upload, checks it, decodes it once and encodes 3 sizes × WebP and JPEG, stores them in the database, creates the challenge and redirects. Time is the whole request as the client sees it (with ${o.uploads.length} uploads the p95 is the slowest one). RSS is the server process's VmRSS before and after each request; the peak is VmHWM during it (reset to the current RSS before each request through /proc/PID/clear_refs). Idle RSS after start: ${mb(o.idleRss)}.`,
    `- **Per photo: median ${f1(s.median)} ms, p95 ${f1(s.p95)} ms; peak RSS ${mb(s.peak)}; RSS ${mb(o.uploads[0]!.rssBefore)} before the first counted upload, ${mb(o.uploads.at(-1)!.rssAfter)} after the last.** The same processing outside the server (processPhoto in the benchmark's own process, ${o.templateMs.length} photos) took ${f1(avgTemplate)} ms a photo.`,
    '',
    markdownTable(['upload', 'size', 'ms', 'RSS before', 'RSS after', 'peak RSS'], uploadRows),
    '',
    `- **Photos in the large town**: ${int(o.seeded.photos)} photos on ${int(o.seeded.challenges)} challenges (every second of the newest visible ones, so the board's first pages, sorted new first, show photos on half their cards; and ${o.seeded.photos - o.seeded.challenges + 1} on challenge ${o.seeded.pageChallenge}), made by the app's processPhoto from ${o.seeded.templates} camera photos and written again per photo (${mb(o.seeded.variantBytes)} of variants, ${f1(o.seeded.seconds)} s).`,
    `- **First view**: Chromium (Playwright, Debian's build) opens the page in a fresh context (no cache, anonymous) at ${VIEWPORT.width} × ${VIEWPORT.height} and waits for the network to go idle without scrolling. HTML: the document's bytes as sent and unpacked; it is a first visit (the anonymous page cache is cold); a page the cache may keep goes out compressed on that miss too (server/page-cache.ts). Images, **first view**: those whose box lies on the first screen or that are marked eager, i.e. what every browser loads at this size; **fetched**: every image Chromium actually fetched, which adds lazy images within its load-ahead distance below the fold. Bytes are the images' bodies as sent.`,
    '',
    markdownTable(
      [
        'page',
        'HTML sent',
        'HTML',
        'photo / all <img>',
        'first-view images',
        'first-view image bytes',
        'fetched images',
        'fetched image bytes',
      ],
      viewRows,
    ),
    ...boardNote,
  ].join('\n')
}
