import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { json } from '@remix-run/node'
import type { z } from 'zod'
import type { IntentReply } from '~/utils/intent-reply'
import { badRequest } from '~/utils/responses.server'

export type { IntentReply }

/** What a refusal after parsing says: on the whole form, or under named fields. */
export interface ReplyOptions {
  formErrors?: string[]
  fieldErrors?: Record<string, string[]>
}

export interface IntentArgs<Ctx, Schema extends z.ZodTypeAny> {
  value: z.output<Schema>
  ctx: Ctx
  form: FormData
  /** Refuses the parsed input after all (a model said no): the field or form messages, kept input. */
  refuse: (options: ReplyOptions, status?: number) => Response
}

export interface IntentSpec<Ctx, Schema extends z.ZodTypeAny> {
  /** The form's zod schema from `app/forms/` (`z.object({})` for a bare button). */
  schema: Schema
  /** Checks that come before reading the form (who may, in which state), by throwing. */
  guard?: (ctx: Ctx) => void | Promise<void>
  /**
   * What a form that does not parse gets instead of the 400 reply, for forms a person never
   * fills in (a button's hidden id): usually `notFound`.
   */
  whenInvalid?: () => Response
  /** The key the reply carries, when several forms share one intent (one per post). */
  key?: (form: FormData) => string
  run: (args: IntentArgs<Ctx, Schema>) => Promise<Response | Record<string, unknown>>
}

export type IntentTable<Ctx, Schemas extends Record<string, z.ZodTypeAny>> = {
  [K in keyof Schemas]: IntentSpec<Ctx, Schemas[K]>
}

/**
 * Declares a route's intents as `{ [intent]: { schema, run } }`; `Ctx` is what every intent's
 * `run` gets besides the parsed value (the user, the record in the URL, the client's address).
 */
export function defineIntents<Ctx>() {
  return <Schemas extends Record<string, z.ZodTypeAny>>(table: IntentTable<Ctx, Schemas>) => table
}

/** The reply for refused input, in the one shape every form reads. */
export function invalidReply(
  intent: string,
  result: SubmissionResult<string[]>,
  status = 400,
  extra: Record<string, unknown> = {},
) {
  return json<IntentReply>({ ...extra, intent, result }, { status })
}

/**
 * Runs the intent the form names: unknown → 400; guard; parse (a failure answers the reply
 * shape with status 400); run, whose plain object becomes `{ intent, ok: true, … }`.
 */
export async function dispatchIntent<Ctx, Schemas extends Record<string, z.ZodTypeAny>>(
  table: IntentTable<Ctx, Schemas>,
  form: FormData,
  ctx: Ctx,
  /** Goes with every reply that is not a redirect (the photos a form carried, as drafts now). */
  extra: Record<string, unknown> = {},
): Promise<Response> {
  const intent = intentOf(form)
  if (!hasIntent(table, intent)) throw badRequest('unknown intent')
  // One entry, seen through the table's common shape.
  const spec = table[intent] as unknown as IntentSpec<Ctx, z.ZodTypeAny>
  await spec.guard?.(ctx)
  const submission = parseWithZod(form, { schema: spec.schema })
  const key = spec.key?.(form) ?? intent
  if (submission.status !== 'success') {
    if (spec.whenInvalid) throw spec.whenInvalid()
    return invalidReply(key, submission.reply(), 400, extra)
  }
  const answer = await spec.run({
    value: submission.value,
    ctx,
    form,
    refuse: (options, status = 400) => invalidReply(key, submission.reply(options), status, extra),
  })
  if (answer instanceof Response) return answer
  return json({ ...answer, intent: key, ok: true as const })
}

/** The form's `intent` field, when it is one plain value. */
export function intentOf(form: FormData): string | null {
  const value = form.get('intent')
  return typeof value === 'string' ? value : null
}

/** Whether a table has the intent (for checks a route makes before dispatching). */
export function hasIntent(table: object, intent: string | null): intent is string {
  return intent !== null && Object.hasOwn(table, intent)
}
