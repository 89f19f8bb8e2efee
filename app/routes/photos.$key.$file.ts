import type { LoaderFunctionArgs } from '@remix-run/node'
import type { PhotoFormat, PhotoSize } from '#db/schema'
import { photoToServe } from '~/models/photo.server'
import { getUser } from '~/services/session.server'

const FILE = /^(card|page|full)\.(webp|jpg)$/
const KEY = /^[A-Za-z0-9_-]{22}$/

/**
 * One stored image. A photo anyone may see is cached for a year by anyone (its URL never
 * changes content); a draft, or a photo only its author and staff may see (hidden, held), is
 * answered privately and never stored. Anything else, including a hidden photo for a visitor,
 * is a plain 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = FILE.exec(params.file ?? '')
  if (!file || !KEY.test(params.key ?? '')) return missing()
  const size = file[1] as PhotoSize
  const format: PhotoFormat = file[2] === 'jpg' ? 'jpeg' : 'webp'
  const viewer = await getUser(request)
  const photo = await photoToServe(params.key!, size, format, viewer)
  if (!photo) return missing()
  const body = new Uint8Array(photo.bytes) as unknown as BodyInit
  return new Response(body, {
    headers: {
      'Content-Type': format === 'jpeg' ? 'image/jpeg' : 'image/webp',
      'Content-Length': String(photo.bytes.length),
      'Cache-Control': photo.public ? 'public, max-age=31536000, immutable' : 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      // Public photos are open data too: other sites may show them (the API links them).
      'Cross-Origin-Resource-Policy': photo.public ? 'cross-origin' : 'same-origin',
    },
  })
}

function missing() {
  return new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
