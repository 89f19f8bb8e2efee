import type { SubmissionResult } from '@conform-to/react'

/**
 * What an action answers when it does not redirect (app/utils/intents.server.ts), keyed by the
 * intent or the form's own key so only the form that was sent shows it:
 * - refused input: `{ intent, result }`, Conform's result (input kept, a message per field or
 *   for the whole form), status 400 (409 for a conflict);
 * - done without a redirect: `{ intent, ok: true, … }`.
 */
export type IntentReply =
  | { intent: string; result: SubmissionResult<string[]>; ok?: undefined }
  | { intent: string; ok: true; result?: undefined }

/** The Conform result a form passes as `lastResult`, when the reply is for this form. */
export function resultFor(actionData: unknown, key: string) {
  const reply = actionData as IntentReply | null | undefined
  return reply && reply.intent === key ? reply.result : undefined
}
