import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { setChallengeVote } from '~/models/vote.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile } from '../helpers/http'

const server = testServerForFile()

const unique = () => Math.random().toString(36).slice(2, 8)

/**
 * A business's challenge with votes, merged by a moderator into another challenge: everything a
 * visitor could list it through, before and after the merge.
 */
async function mergedWorld() {
  const owner = await createUser()
  const org = await createOrganisation({ kind: 'business', ownerId: owner.id })
  const taxonomy = await createTaxonomy()
  const word = `dubblettord${unique()}`
  const duplicateTitle = `Parkeringen vid hamnen är full ${word}`
  const targetTitle = `Det saknas parkering vid hamnen ${unique()}`
  const target = await createChallengeFor(owner.id, { title: targetTitle, ...taxonomy })
  const duplicate = await createChallengeFor(owner.id, {
    title: duplicateTitle,
    description: `Samma sak igen: parkeringsplatserna räcker inte till. ${word}`,
    organisationId: org.id,
    ...taxonomy,
  })
  for (let i = 0; i < 3; i++) {
    const voter = await createUser()
    await setChallengeVote({ userId: voter.id, challengeId: duplicate, vote: true })
  }
  const moderator = await createUser({ role: 'moderator' })
  // Through the triage page, as a moderator does it (a write also empties the page cache).
  const merge = async () => {
    const client = server.client()
    await client.login(moderator.email, moderator.password)
    const response = await client.post(`/moderation/challenges/${duplicate}`, {
      intent: 'merge',
      intoId: String(target),
    })
    expect(response.status).toBeLessThan(400)
    const row = await db
      .selectFrom('challenges')
      .select('merged_into_id')
      .where('id', '=', duplicate)
      .executeTakeFirstOrThrow()
    expect(row.merged_into_id).toBe(target)
  }
  return { org, taxonomy, word, duplicate, duplicateTitle, target, targetTitle, merge }
}

/** Every public list a merged duplicate could show up in, as a visitor sees it. */
function lists(w: Awaited<ReturnType<typeof mergedWorld>>) {
  const { categorySlug, areaSlug } = w.taxonomy
  return [
    '/challenges',
    '/challenges?sort=top',
    '/challenges?sort=trending',
    '/challenges?sort=unsolved',
    '/challenges?status=closed',
    `/challenges?category=${categorySlug}`,
    `/challenges?area=${areaSlug}&sort=top`,
    '/challenges?by=business',
    `/challenges?q=${w.word}`,
    '/',
    `/feed.xml`,
    `/feed.xml?q=${w.word}`,
    `/organisations/${w.org.slug}`,
    '/outcomes?show=closed',
  ]
}

async function apiIds(query: string) {
  const response = await server.client().get(`/api/v1/challenges?${query}`)
  expect(response.status, query).toBe(200)
  const body = (await response.json()) as { data: Array<{ id: number }>; total: number }
  return { ids: body.data.map((c) => c.id), total: body.total }
}

async function similarIds(text: string) {
  const response = await server.client().get(`/challenges/similar?text=${encodeURIComponent(text)}`)
  expect(response.status).toBe(200)
  const body = (await response.json()) as { similar: Array<{ id: number }> }
  return body.similar.map((c) => c.id)
}

describe('a merged duplicate', () => {
  it('is gone from the board, search, home, feed, organisation page and outcomes', async () => {
    const w = await mergedWorld()
    // Before the merge it is listed (so the checks below can tell the difference).
    const seen = []
    for (const path of lists(w)) {
      const html = await (await server.client().get(path)).text()
      if (html.includes(w.duplicateTitle)) seen.push(path)
    }
    expect(seen).toEqual(
      expect.arrayContaining([
        '/challenges?sort=top',
        `/challenges?category=${w.taxonomy.categorySlug}`,
        `/challenges?q=${w.word}`,
        `/feed.xml?q=${w.word}`,
        `/organisations/${w.org.slug}`,
      ]),
    )

    await w.merge()

    for (const path of lists(w)) {
      const response = await server.client().get(path)
      expect(response.status, path).toBe(200)
      expect(await response.text(), path).not.toContain(w.duplicateTitle)
    }
    const board = await (
      await server.client().get(`/challenges?category=${w.taxonomy.categorySlug}`)
    ).text()
    expect(board).toContain(w.targetTitle)
  })

  it('is gone from the open-data API and the similar-challenge hints; its URLs answer 301', async () => {
    const w = await mergedWorld()
    const category = `category=${w.taxonomy.categorySlug}`
    expect((await apiIds(category)).ids).toContain(w.duplicate)
    expect(await similarIds(w.duplicateTitle)).toContain(w.duplicate)

    await w.merge()

    for (const query of [
      category,
      `${category}&sort=top`,
      `${category}&sort=trending`,
      `${category}&status=closed`,
      `q=${w.word}`,
      'by=business',
    ]) {
      const { ids } = await apiIds(query)
      expect(ids, query).not.toContain(w.duplicate)
    }
    expect(await apiIds(category)).toEqual({ ids: [w.target], total: 1 })
    expect(await apiIds(`${category}&status=closed`)).toEqual({ ids: [], total: 0 })
    expect(await similarIds(w.duplicateTitle)).not.toContain(w.duplicate)

    const page = await server.client().get(`/challenges/${w.duplicate}`)
    expect(page.status).toBe(301)
    expect(page.headers.get('location')).toBe(`/challenges/${w.target}`)
    const api = await server.client().get(`/api/v1/challenges/${w.duplicate}`)
    expect(api.status).toBe(301)
    expect(api.headers.get('location')).toBe(`/api/v1/challenges/${w.target}`)
  })

  it('no longer counts on its organisation in the directory', async () => {
    const w = await mergedWorld()
    const count = async () => {
      const response = await fetch(
        `${server.origin}/organisations?q=${encodeURIComponent(
          (await db
            .selectFrom('organisations')
            .select('name')
            .where('id', '=', w.org.id)
            .executeTakeFirstOrThrow())!.name,
        )}&_data=routes%2Forganisations._index`,
      )
      const body = (await response.json()) as {
        items: Array<{ slug: string; challengeCount: number }>
      }
      return body.items.find((o) => o.slug === w.org.slug)?.challengeCount
    }
    expect(await count()).toBe(1)
    await w.merge()
    expect(await count()).toBe(0)
  })
})
