import zlib from 'node:zlib'
import sharp from 'sharp'

/** An EXIF rational triple ("56/1 2/1 3000/100") for decimal degrees. */
function rational(value: number) {
  const abs = Math.abs(value)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100)
  return `${d}/1 ${m}/1 ${s}/100`
}

/** A camera-like JPEG: a gradient, a camera make and model, a time and (optionally) a GPS position. */
export async function cameraJpeg(
  options: { width?: number; height?: number; gps?: { lat: number; lng: number } } = {},
) {
  const { width = 1600, height = 1200, gps } = options
  const exif: Record<string, Record<string, string>> = {
    IFD0: { Make: 'Telefonbolaget', Model: 'Kamera 12', Software: 'Firmware 1.0' },
    IFD2: { DateTimeOriginal: '2026:11:30 08:15:00' },
  }
  if (gps) {
    exif.IFD3 = {
      GPSLatitudeRef: gps.lat >= 0 ? 'N' : 'S',
      GPSLatitude: rational(gps.lat),
      GPSLongitudeRef: gps.lng >= 0 ? 'E' : 'W',
      GPSLongitude: rational(gps.lng),
    }
  }
  return sharp({
    create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="10%" y="10%" width="50%" height="40%" fill="#e0a030"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .withExif(exif)
    .toBuffer()
}

export function smallPng(width = 640, height = 480) {
  return sharp({ create: { width, height, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer()
}

/**
 * A decompression bomb: a valid PNG of width × height pixels (100 megapixels by default) that
 * is a few hundred kilobytes on the wire, made row by row so the test never holds its pixels.
 */
export async function bombPng(width = 10_000, height = 10_000): Promise<Buffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const deflate = zlib.createDeflate({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (d: Buffer) => out.push(d))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const row = Buffer.alloc(1 + width * 3)
  for (let y = 0; y < height; y++) {
    if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(out)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>',
)

/** Whether image bytes carry any metadata block a reader could find a place or camera in. */
export async function metadataOf(bytes: Buffer) {
  const meta = await sharp(bytes).metadata()
  return {
    exif: meta.exif?.length ?? 0,
    xmp: meta.xmp?.length ?? 0,
    iptc: meta.iptc?.length ?? 0,
    // The raw markers too, in case a reader's parser skipped something.
    markers: ['Exif\0\0', 'GPS', 'Telefonbolaget', 'Kamera 12', '2026:11:30'].filter((m) =>
      bytes.includes(Buffer.from(m, 'latin1')),
    ),
  }
}

/** A multipart body as a browser sends it: text fields and files. */
export function multipart(
  fields: Record<string, string | string[]>,
  files: { name: string; bytes: Buffer; type?: string; field?: string }[] = [],
) {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v)
  }
  for (const file of files) {
    form.append(
      file.field ?? 'photos',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }),
      file.name,
    )
  }
  return form
}
