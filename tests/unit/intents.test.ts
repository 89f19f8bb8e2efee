// The action convention (app/utils/intents.server.ts): one dispatch, one reply shape.
import { redirect } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineIntents, dispatchIntent } from '~/utils/intents.server'
import { forbidden, notFound } from '~/utils/responses.server'

const form = (entries: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.append(k, v)
  return data
}
const thrown = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return error as Response
  }
  throw new Error('did not throw')
}

const table = defineIntents<{ allowed: boolean }>()({
  save: {
    schema: z.object({ title: z.string({ required_error: 'errors.required' }).min(2, 'short') }),
    guard: (ctx) => {
      if (!ctx.allowed) throw forbidden()
    },
    async run({ value, refuse }) {
      if (value.title === 'taken') return refuse({ fieldErrors: { title: ['taken'] } }, 409)
      return redirect(`/saved?title=${value.title}`)
    },
  },
  remove: {
    schema: z.object({ targetId: z.coerce.number().int().positive() }),
    whenInvalid: notFound,
    key: (f) => `remove-${String(f.get('targetId'))}`,
    run: async ({ value }) => ({ removed: value.targetId }),
  },
})

describe('dispatchIntent', () => {
  it('answers 400 to a missing or unknown intent, and never runs one from the prototype', async () => {
    for (const intent of [undefined, '', 'nope', 'toString', '__proto__']) {
      const body = intent === undefined ? form({}) : form({ intent })
      expect((await thrown(dispatchIntent(table, body, { allowed: true }))).status).toBe(400)
    }
  })

  it('guards before reading the form', async () => {
    const response = await thrown(
      dispatchIntent(table, form({ intent: 'save' }), { allowed: false }),
    )
    expect(response.status).toBe(403)
  })

  it('answers refused input as { intent, result } with the input kept and a message per field', async () => {
    const response = await dispatchIntent(table, form({ intent: 'save', title: 'x' }), {
      allowed: true,
    })
    expect(response.status).toBe(400)
    const reply = await response.json()
    expect(reply.intent).toBe('save')
    expect(reply.result.initialValue).toMatchObject({ title: 'x' })
    expect(reply.result.error).toEqual({ title: ['short'] })
  })

  it('lets run refuse after all, with its own status', async () => {
    const response = await dispatchIntent(table, form({ intent: 'save', title: 'taken' }), {
      allowed: true,
    })
    expect(response.status).toBe(409)
    expect((await response.json()).result.error).toEqual({ title: ['taken'] })
  })

  it('passes a redirect through, and turns a plain answer into { intent, ok: true }', async () => {
    const saved = await dispatchIntent(table, form({ intent: 'save', title: 'ok' }), {
      allowed: true,
    })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe('/saved?title=ok')
    const removed = await dispatchIntent(table, form({ intent: 'remove', targetId: '7' }), {
      allowed: true,
    })
    expect(await removed.json()).toEqual({ intent: 'remove-7', ok: true, removed: 7 })
  })

  it('throws whenInvalid for forms nobody types', async () => {
    const response = await thrown(
      dispatchIntent(table, form({ intent: 'remove', targetId: 'x' }), { allowed: true }),
    )
    expect(response.status).toBe(404)
  })
})
