import { afterEach, describe, expect, it } from 'vitest'
import { resetEnv } from '~/env.server'
import { pageCacheVariant } from '~/services/page-cache.server'
import { newUserSessionCookie } from '~/services/session.server'
import { createUser } from '../factories'

// PAGE_CACHE: which readers' public pages the server may keep (app/services/page-cache.server.ts).

afterEach(() => {
  delete process.env.PAGE_CACHE
  resetEnv()
})

function setting(value: string | undefined) {
  if (value === undefined) delete process.env.PAGE_CACHE
  else process.env.PAGE_CACHE = value
  resetEnv()
}

const visitor = () =>
  new Request('http://localhost/challenges', { headers: { 'accept-language': 'en' } })

async function member() {
  const user = await createUser()
  const setCookie = await newUserSessionCookie(new Request('http://localhost/'), user.id)
  return new Request('http://localhost/challenges', {
    headers: { cookie: setCookie.split(';')[0]!, 'accept-language': 'en' },
  })
}

describe('PAGE_CACHE', () => {
  it("keeps everyone's pages by default: a visitor's by language, a member's by session", async () => {
    setting(undefined)
    expect(await pageCacheVariant(visitor())).toBe('en')
    const [one, two] = [await member(), await member()]
    const variants = [await pageCacheVariant(one), await pageCacheVariant(two)]
    expect(variants[0]).toMatch(/^member:en:/)
    expect(variants[1]).toMatch(/^member:en:/)
    expect(variants[0]).not.toBe(variants[1])
  })

  it("=anonymous keeps visitors' pages only", async () => {
    setting('anonymous')
    expect(await pageCacheVariant(visitor())).toBe('en')
    expect(await pageCacheVariant(await member())).toBeNull()
  })

  it('=off keeps none', async () => {
    setting('off')
    expect(await pageCacheVariant(visitor())).toBeNull()
    expect(await pageCacheVariant(await member())).toBeNull()
  })

  it('refuses a value it does not know', async () => {
    setting('members')
    await expect(pageCacheVariant(visitor())).rejects.toThrow(/PAGE_CACHE/)
  })
})
