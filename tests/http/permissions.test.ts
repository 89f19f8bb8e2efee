import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { createChallengeFor, createOrganisation, createUser } from '../factories'
import { startTestServer, type Client } from '../helpers/http'
import { countRows } from '../helpers/count-rows'

// One walk over every route and action, for each role, with the status each must get.
type Role = 'visitor' | 'member' | 'orgMember' | 'moderator' | 'admin'
const ROLES: Role[] = ['visitor', 'member', 'orgMember', 'moderator', 'admin']

let server: Awaited<ReturnType<typeof startTestServer>>
const clients = {} as Record<Role, Client>
let challengeId: number
let orgSlug: string
let ownChallengeId: number

beforeAll(async () => {
  server = await startTestServer()
  const author = await createUser()
  challengeId = await createChallengeFor(author.id, { title: 'Utmaning för behörighetsprovet' })
  clients.visitor = server.client()
  for (const role of ['member', 'orgMember', 'moderator', 'admin'] as const) {
    const user = await createUser({ role: role === 'orgMember' ? 'member' : role })
    if (role === 'orgMember') {
      const org = await createOrganisation({ kind: 'business', ownerId: user.id })
      orgSlug = org.slug
      ownChallengeId = await createChallengeFor(user.id, {
        organisationId: org.id,
        title: 'Organisationens egen utmaning',
      })
    }
    clients[role] = server.client()
    await clients[role].login(user.email, user.password)
  }
})
afterAll(() => server.close())

const signIn = 302
// [path, expected status for visitor, member, orgMember, moderator, admin]
const PAGES: Array<[string, ...number[]]> = [
  ['/', 200, 200, 200, 200, 200],
  ['/challenges', 200, 200, 200, 200, 200],
  ['/challenges/ID', 200, 200, 200, 200, 200],
  ['/challenges/new', signIn, 200, 200, 200, 200],
  ['/challenges/ID/edit', signIn, 403, 403, 200, 200],
  ['/challenges/OWN/edit', signIn, 403, 200, 200, 200],
  ['/organisations', 200, 200, 200, 200, 200],
  ['/organisations/ORG', 200, 200, 200, 200, 200],
  ['/me', signIn, 200, 200, 200, 200],
  ['/me/notifications', signIn, 200, 200, 200, 200],
  ['/me/challenges', signIn, 200, 200, 200, 200],
  ['/me/following', signIn, 200, 200, 200, 200],
  ['/me/pledges', signIn, 200, 200, 200, 200],
  ['/me/reports', signIn, 200, 200, 200, 200],
  ['/moderation', signIn, 403, 403, 200, 200],
  // A business's member has no department inbox; moderators may read every department's.
  ['/inbox', signIn, 403, 403, 200, 200],
  ['/moderation?tab=pending', signIn, 403, 403, 200, 200],
  ['/moderation/challenges/ID', signIn, 403, 403, 200, 200],
  ['/moderation/log', signIn, 403, 403, 200, 200],
  ['/moderation/users/1', signIn, 403, 403, 200, 200],
  ['/admin', signIn, 403, 403, 403, 200],
  ['/admin/taxonomy', signIn, 403, 403, 403, 200],
  ['/admin/organisations', signIn, 403, 403, 403, 200],
  ['/admin/users', signIn, 403, 403, 403, 200],
  ['/admin/settings', signIn, 403, 403, 403, 200],
  ['/admin/templates', signIn, 403, 403, 403, 200],
  ['/api/v1/challenges', 200, 200, 200, 200, 200],
  ['/api/v1/challenges/ID', 200, 200, 200, 200, 200],
  ['/feed.xml', 200, 200, 200, 200, 200],
  ['/outcomes', 200, 200, 200, 200, 200],
  ['/open-data', 200, 200, 200, 200, 200],
  ['/open-data/challenges.json', 200, 200, 200, 200, 200],
  ['/open-data/challenges.csv', 200, 200, 200, 200, 200],
  ['/me/data', signIn, 200, 200, 200, 200],
  ['/me/data.json', signIn, 200, 200, 200, 200],
  ['/moderation?tab=disputes', signIn, 403, 403, 200, 200],
  ['/reports', signIn, 403, 403, 200, 200],
  ['/reports?from=2026-01-01&to=2026-06-30', signIn, 403, 403, 200, 200],
  ['/reports/export.csv', signIn, 403, 403, 200, 200],
]

// Writes that only moderators (or admins) may make; every one must leave a member with 403.
const MODERATOR_ACTIONS: Array<[string, Record<string, string>]> = [
  ['/moderation', { ids: 'ID', action: 'hide', reason: 'spam' }],
  ['/moderation/challenges/ID', { intent: 'note', body: 'Intern' }],
  [
    '/moderation/challenges/ID',
    { intent: 'hide', subjectType: 'challenge', subjectId: 'ID', reason: 'spam' },
  ],
  ['/moderation/challenges/ID', { intent: 'respond', body: 'Officiellt' }],
  ['/moderation/challenges/ID', { intent: 'ban', userId: '1', days: '7', reason: 'x' }],
  [
    '/moderation/challenges/ID',
    { intent: 'dispute', disputeId: '1', decision: 'uphold', note: 'x', version: '0' },
  ],
]
const ADMIN_ACTIONS: Array<[string, Record<string, string>]> = [
  ['/admin/settings', { intent: 'settings', autoHideThreshold: '5' }],
  ['/admin/taxonomy', { intent: 'add', type: 'category', nameSv: 'Ny', nameEn: 'New' }],
  ['/admin/templates', { intent: 'add', name: 'x', bodySv: 'x', bodyEn: 'x' }],
]

const fill = (s: string) =>
  s
    .replaceAll('ID', String(challengeId))
    .replace('OWN', String(ownChallengeId))
    .replace('ORG', orgSlug)

describe('the permission matrix', () => {
  it.each(PAGES)('GET %s', async (path, ...expected) => {
    for (const [i, role] of ROLES.entries()) {
      const response = await clients[role].get(fill(path))
      expect(`${role}: ${response.status}`).toBe(`${role}: ${expected[i]}`)
      if (response.status === signIn) expect(response.headers.get('location')).toContain('/login')
    }
    if (path.startsWith('/reports/export.csv')) {
      // A download's audit row is written once it has streamed: wait for both (moderator and
      // admin), or a slower database lands them in the next test's count of audit rows.
      const exports = async () =>
        (
          await db
            .selectFrom('audit_log')
            .select('id')
            .where('action', '=', 'report_exported')
            .execute()
        ).length
      await expect.poll(exports).toBe(2)
    }
  })

  it.each(MODERATOR_ACTIONS)(
    'POST %s %j: members get 403 and nothing is written',
    async (path, form) => {
      const before = await auditCount()
      for (const role of ['member', 'orgMember'] as const) {
        const response = await clients[role].post(
          fill(path),
          Object.fromEntries(Object.entries(form).map(([k, v]) => [k, fill(v)])),
        )
        expect(`${role}: ${response.status}`).toBe(`${role}: 403`)
      }
      const visitor = await clients.visitor.post(fill(path), form)
      expect(visitor.status).toBe(signIn)
      expect(await auditCount()).toBe(before)
    },
  )

  it.each(ADMIN_ACTIONS)('POST %s %j: only admins', async (path, form) => {
    const before = await auditCount()
    for (const role of ['member', 'orgMember', 'moderator'] as const) {
      const response = await clients[role].post(path, form)
      expect(`${role}: ${response.status}`).toBe(`${role}: 403`)
    }
    expect(await auditCount()).toBe(before)
  })

  it('the header links to what the role reaches (the root loader’s `can`)', async () => {
    const links: Record<Role, string[]> = {
      visitor: [],
      member: [],
      orgMember: [],
      moderator: ['/moderation', '/reports'],
      admin: ['/moderation', '/reports', '/admin'],
    }
    for (const role of ROLES) {
      const html = await (await clients[role].get('/about')).text()
      const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'))
      const found = ['/moderation', '/reports', '/admin'].filter((href) =>
        header.includes(`href="${href}"`),
      )
      expect(`${role}: ${found.join(' ')}`).toBe(`${role}: ${links[role].join(' ')}`)
    }
  })

  it('lets a moderator act where members may not', async () => {
    const response = await clients.moderator.post(fill('/moderation/challenges/ID'), {
      intent: 'note',
      body: 'Ringde förvaltningen.',
    })
    expect(response.status).toBe(302)
    const notes = await db
      .selectFrom('internal_notes')
      .select('body')
      .where('challenge_id', '=', challengeId)
      .execute()
    expect(notes.map((n) => n.body)).toContain('Ringde förvaltningen.')
  })
})

const auditCount = () => countRows('audit_log')
