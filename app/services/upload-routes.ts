import { POST_PHOTOS_MAX_BYTES } from '~/models/photo-constants'

// The forms that take photos: a new challenge, and proposals and progress updates on a
// challenge's page. Only these accept multipart bodies (server/app.ts asks through
// the runtime); every other action keeps reading small URL-encoded forms.
const UPLOAD_PATHS = /^\/challenges\/(new|[1-9][0-9]{0,15})$/

export const uploads = {
  accepts: (path: string) => UPLOAD_PATHS.test(path),
  // The post's own limit plus room, so that a body somewhat over it (a 50 MB one) is still
  // read and answered with the form kept; far over it, the front door answers 413 unread.
  maxBodyBytes: POST_PHOTOS_MAX_BYTES + 24 * 1024 * 1024,
}
