import { db } from '~/db.server'
import { photosWithChallenge, POST_TABLE } from '~/models/post-kinds.server'
import {
  auditReferences,
  emptyAuditNames,
  type AuditNames,
  type AuditRow,
  type PostType,
} from '~/utils/audit-sentence'

const unique = (ids: number[]) => [...new Set(ids)]

/**
 * The names the audit sentences need (users, departments, challenges, categories, areas and
 * the challenge of each comment, solution, pledge or photo), fetched in one query per kind for a page of rows.
 */
export async function getAuditNames(rows: AuditRow[]): Promise<AuditNames> {
  const names = emptyAuditNames()
  const refs = rows.map(auditReferences)
  const all = <K extends 'users' | 'organisations' | 'challenges' | 'categories' | 'areas'>(
    key: K,
  ) => unique(refs.flatMap((r) => r[key]))
  const posts = refs.flatMap((r) => r.posts)
  const postIds = (type: PostType) => unique(posts.filter((p) => p.type === type).map((p) => p.id))
  const photoIds = postIds('photo')

  const found = await Promise.all(
    (['comment', 'solution', 'pledge'] as const).map(async (type) => {
      const ids = postIds(type)
      const rows = ids.length
        ? await db
            .selectFrom(POST_TABLE[type])
            .select(['id', 'challenge_id'])
            .where('id', 'in', ids)
            .execute()
        : []
      return rows.map((r) => ({ ...r, type }))
    }),
  )
  for (const p of found.flat()) names.postChallenges[`${p.type}:${p.id}`] = p.challenge_id
  // A photo's challenge is its own, its solution's or its progress update's.
  const photos = photoIds.length
    ? await photosWithChallenge(db)
        .select(['photos.id', 'challenges.id as challenge_id'])
        .where('photos.id', 'in', photoIds)
        .execute()
    : []
  for (const p of photos) names.postChallenges[`photo:${p.id}`] = p.challenge_id
  const challengeIds = unique([...all('challenges'), ...Object.values(names.postChallenges)])

  const [users, organisations, challenges, categories, areas] = await Promise.all([
    fetch('users', all('users'), ['id', 'name']),
    fetch('organisations', all('organisations'), ['id', 'name']),
    fetch('challenges', challengeIds, ['id', 'title']),
    fetch('categories', all('categories'), ['id', 'name_sv', 'name_en']),
    fetch('areas', all('areas'), ['id', 'name_sv', 'name_en']),
  ])
  for (const u of users) names.users[u.id] = String(u.name)
  for (const o of organisations) names.organisations[o.id] = String(o.name)
  for (const c of challenges) names.challenges[c.id] = String(c.title)
  for (const c of categories)
    names.categories[c.id] = { name_sv: String(c.name_sv), name_en: String(c.name_en) }
  for (const a of areas)
    names.areas[a.id] = { name_sv: String(a.name_sv), name_en: String(a.name_en) }
  return names
}

async function fetch(
  table: 'users' | 'organisations' | 'challenges' | 'categories' | 'areas',
  ids: number[],
  columns: string[],
) {
  if (!ids.length) return []
  // Ids only ever come from parsed audit rows (integers); columns are fixed above.
  return (await db
    .selectFrom(table)
    .select(columns as never)
    .where('id', 'in', ids)
    .execute()) as unknown as Array<Record<string, unknown> & { id: number }>
}
