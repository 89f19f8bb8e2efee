import type { SubmissionResult } from '@conform-to/react'
import type { PhotoEntry, PhotoErrors } from '~/services/photo-form.server'

/**
 * What an action answers when it does not redirect (app/utils/intents.server.ts), keyed by the
 * intent or the form's own key so only the form that was sent shows it:
 * - refused input: `{ intent, result }`, Conform's result (input kept, a message per field or
 *   for the whole form), status 400 (409 for a conflict);
 * - done without a redirect: `{ intent, ok: true, … }`.
 */
export type IntentReply =
  | { intent: string; result: SubmissionResult<string[]>; ok?: undefined; photos?: PhotoReply }
  | { intent: string; ok: true; result?: undefined; photos?: undefined }

/** A form's photos sent back with a refusal: kept as drafts, with their errors. */
export interface PhotoReply {
  photos: PhotoEntry[]
  photoErrors: PhotoErrors
  usePlace: boolean
  /** New with each answer: the file input empties (its files are drafts now). */
  round: string
}

/** The photos a form gets back, when the reply is for this form. */
export function photosFor(actionData: unknown, key: string): PhotoReply | undefined {
  const reply = actionData as IntentReply | null | undefined
  return reply && reply.intent === key ? reply.photos : undefined
}

/** The Conform result a form passes as `lastResult`, when the reply is for this form. */
export function resultFor(actionData: unknown, key: string) {
  const reply = actionData as IntentReply | null | undefined
  return reply && reply.intent === key ? reply.result : undefined
}
