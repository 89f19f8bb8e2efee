import { unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node'

export interface UploadedFile {
  /** The bytes, or null when the file was over the limit (its bytes were read and dropped). */
  bytes: Buffer | null
  name: string
}

export interface Upload {
  /** The form's text fields. */
  fields: FormData
  files: UploadedFile[]
  /** More files than allowed were sent: none of them were kept. */
  tooMany: boolean
  /** The files together were over the post's limit: none of them were kept. */
  overTotal: boolean
}

export interface UploadLimits {
  fileField: string
  maxFiles: number
  maxFileBytes: number
  maxTotalBytes: number
}

/** One text field; the longest text a form takes is far below it. */
const MAX_TEXT_BYTES = 256 * 1024

export class UploadRefused extends Error {}

/**
 * Reads a form that may carry files, streaming: text fields are kept; each file is kept up to
 * its limit and, past it, read to the end and dropped, so a 50 MB body costs no more memory than
 * the limits and the form can still be answered with its text kept. A URL-encoded form (no file
 * chosen, or a client without multipart) reads as one with no files. Throws UploadRefused for a
 * body that is not a well-formed form.
 */
export async function readUpload(request: Request, limits: UploadLimits): Promise<Upload> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(type)) {
    try {
      return { fields: await request.formData(), files: [], tooMany: false, overTotal: false }
    } catch {
      throw new UploadRefused('not a form')
    }
  }
  const files: UploadedFile[] = []
  let total = 0
  let fileCount = 0
  let overTotal = false
  const handler = async (part: UploadHandlerPart): Promise<string | undefined> => {
    if (part.filename === undefined) {
      const text = await collect(part.data, MAX_TEXT_BYTES)
      if (text.bytes === null) throw new UploadRefused('a text field is too long')
      return new TextDecoder().decode(text.bytes)
    }
    // A file input with nothing chosen sends an empty part without a file name.
    if (part.name !== limits.fileField || part.filename === '') {
      await collect(part.data, 0)
      return undefined
    }
    fileCount++
    if (fileCount > limits.maxFiles || overTotal) {
      await collect(part.data, 0)
      return undefined
    }
    const { bytes, length } = await collect(part.data, limits.maxFileBytes)
    if (total + length > limits.maxTotalBytes) overTotal = true
    total += Math.min(length, limits.maxFileBytes)
    files.push({ bytes: bytes ? Buffer.from(bytes) : null, name: part.filename.slice(0, 200) })
    return undefined
  }
  let fields: FormData
  try {
    fields = await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof UploadRefused) throw error
    throw new UploadRefused('malformed')
  }
  const tooMany = fileCount > limits.maxFiles
  return { fields, files: tooMany || overTotal ? [] : files, tooMany, overTotal }
}

/**
 * The part's bytes and length; the bytes are null when there were more than `max` (the rest is
 * read and dropped, so the next part can be parsed).
 */
async function collect(
  data: AsyncIterable<Uint8Array>,
  max: number,
): Promise<{ bytes: Uint8Array | null; length: number }> {
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of data) {
    length += chunk.length
    if (length <= max) chunks.push(chunk)
    else chunks.length = 0
  }
  if (length > max) return { bytes: null, length }
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return { bytes, length }
}
