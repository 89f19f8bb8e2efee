import { beforeAll, describe, expect, it } from 'vitest'
import { SETTINGS_FORM } from '../helpers/settings'
import { db } from '~/db.server'
import { markSolved } from '~/models/challenge.server'
import { insertMembership } from '~/models/organisation.server'
import { pledge } from '~/models/pledge.server'
import { forgetSettings, getSettings } from '~/models/settings.server'
import { acceptSolution, proposeSolution } from '~/models/solution.server'
import { createChallengeFor, createOrganisation, createTaxonomy, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'
import { countRows } from '../helpers/count-rows'

const server = testServerForFile()
const signedIn = server.signedIn
let admin: { user: Awaited<ReturnType<typeof createUser>>; client: Client }
beforeAll(async () => {
  admin = await signedIn({ role: 'admin' })
})

const ROUTES = [
  '/admin',
  '/admin/taxonomy',
  '/admin/organisations',
  '/admin/users',
  '/admin/settings',
  '/admin/templates',
]

const VALID_SETTINGS = SETTINGS_FORM

/** Everything an admin action can change, to prove a refused one changed nothing. */
async function snapshot() {
  const [categories, areas, organisations, memberships, users, settings, templates, audit] =
    await Promise.all([
      db.selectFrom('categories').selectAll().orderBy('id').execute(),
      db.selectFrom('areas').selectAll().orderBy('id').execute(),
      db.selectFrom('organisations').selectAll().orderBy('id').execute(),
      db
        .selectFrom('memberships')
        .selectAll()
        .orderBy('organisation_id')
        .orderBy('user_id')
        .execute(),
      db.selectFrom('users').select(['id', 'role', 'updated_at']).orderBy('id').execute(),
      db.selectFrom('settings').selectAll().orderBy('key').execute(),
      db.selectFrom('reply_templates').selectAll().orderBy('id').execute(),
      db.selectFrom('audit_log').select('id').orderBy('id').execute(),
    ])
  return { categories, areas, organisations, memberships, users, settings, templates, audit }
}

async function lastAudit(action: string) {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return {
    ...row,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  }
}

const auditCount = () => countRows('audit_log')

async function addTemplate(name: string) {
  return db
    .insertInto('reply_templates')
    .values({ name, body_sv: 'Tack!', body_en: 'Thanks!', archived_at: null })
    .returning('id')
    .executeTakeFirstOrThrow()
}

describe('who may use the admin pages', () => {
  it('sends a visitor to sign in', async () => {
    for (const route of ROUTES) {
      const response = await server.client().get(route)
      expect(response.status, route).toBe(302)
      expect(response.headers.get('location'), route).toMatch(/^\/login\?redirectTo=/)
    }
  })

  it.each(['member', 'moderator'] as const)(
    'answers a %s 403 on every page and action, and nothing changes',
    async (role) => {
      const { client } = await signedIn({ role })
      const taxonomy = await createTaxonomy()
      const department = await createOrganisation({ kind: 'municipality' })
      const duplicate = await createOrganisation()
      const other = await createUser()
      const template = await addTemplate(`Mall ${role}`)
      const before = await snapshot()

      for (const route of ROUTES) {
        expect((await client.get(route)).status, route).toBe(403)
        // Remix's data requests are guarded as well.
        const data = await client.get(
          `${route}?_data=routes%2F${route === '/admin' ? 'admin._index' : route.slice(1).replace('/', '.')}`,
        )
        expect(data.status, `${route} data`).toBe(403)
      }
      const actions: Array<[string, Record<string, string>]> = [
        ['/admin/taxonomy', { intent: 'add', type: 'category', nameSv: 'Ny', nameEn: 'New' }],
        [
          '/admin/taxonomy',
          {
            intent: 'rename',
            type: 'area',
            id: String(taxonomy.areaId),
            nameSv: 'Bytt',
            nameEn: 'Renamed',
          },
        ],
        [
          '/admin/taxonomy',
          { intent: 'archive', type: 'category', id: String(taxonomy.categoryId) },
        ],
        ['/admin/organisations', { intent: 'verify', id: String(department.id) }],
        [
          '/admin/organisations',
          { intent: 'merge', fromId: String(duplicate.id), intoId: String(department.id) },
        ],
        ['/admin/users', { intent: 'role', id: String(other.id), role: 'admin' }],
        ['/admin/settings', { ...VALID_SETTINGS, preModeration: 'on', boardName: 'Kapad' }],
        ['/admin/templates', { intent: 'add', name: 'Ny mall', bodySv: 'Hej', bodyEn: 'Hi' }],
        [
          '/admin/templates',
          { intent: 'edit', id: String(template.id), name: 'Ändrad', bodySv: 'A', bodyEn: 'B' },
        ],
        ['/admin/templates', { intent: 'archive', id: String(template.id) }],
      ]
      for (const [route, form] of actions) {
        expect((await client.post(route, form)).status, `${route} ${form.intent}`).toBe(403)
      }
      // Their own role cannot be raised either.
      const self = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', role)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      expect(
        (await client.post('/admin/users', { intent: 'role', id: String(self.id), role: 'admin' }))
          .status,
      ).toBe(403)
      expect(await snapshot()).toEqual(before)
    },
  )

  it('shows every page to an admin, each with its own title and one h1', async () => {
    for (const route of ROUTES) {
      const response = await admin.client.get(route)
      expect(response.status, route).toBe(200)
      const html = await response.text()
      expect(html.match(/<h1[\s>]/g), route).toHaveLength(1)
      expect(html, route).toMatch(/<title>[^<]+ – [^<]+<\/title>/)
    }
  })

  it('refuses a write from another site', async () => {
    const before = await auditCount()
    const response = await admin.client.post(
      '/admin/taxonomy',
      { intent: 'add', type: 'category', nameSv: 'Främmande', nameEn: 'Foreign' },
      { Origin: 'https://evil.example' },
    )
    expect(response.status).toBe(403)
    expect(await auditCount()).toBe(before)
  })
})

describe('categories and areas', () => {
  it('adds a category with a slug from its English name, and an area from its Swedish one', async () => {
    const response = await admin.client.post('/admin/taxonomy', {
      intent: 'add',
      type: 'category',
      nameSv: 'Hamn & sjöfart',
      nameEn: 'Harbour & shipping',
      slug: 'ignored',
    })
    expect(response.status).toBe(302)
    const category = await db
      .selectFrom('categories')
      .selectAll()
      .where('name_sv', '=', 'Hamn & sjöfart')
      .executeTakeFirstOrThrow()
    expect(category).toMatchObject({ slug: 'harbour-shipping', name_en: 'Harbour & shipping' })
    const audit = await lastAudit('admin.category.add')
    expect(audit).toMatchObject({ actor_id: admin.user.id, subject_type: 'category' })
    expect(audit.subject_id).toBe(category.id)
    expect(audit.before).toBeNull()
    expect(audit.after).toMatchObject({ slug: 'harbour-shipping', name_sv: 'Hamn & sjöfart' })

    await admin.client.post('/admin/taxonomy', {
      intent: 'add',
      type: 'area',
      nameSv: 'Östra Kajen',
      nameEn: 'East Quay',
    })
    const area = await db
      .selectFrom('areas')
      .selectAll()
      .where('name_en', '=', 'East Quay')
      .executeTakeFirstOrThrow()
    expect(area.slug).toBe('ostra-kajen')
    expect((await lastAudit('admin.area.add')).subject_id).toBe(area.id)
  })

  it('gives a second category whose name makes the same slug a slug of its own', async () => {
    const first = { intent: 'add', type: 'category', nameSv: 'Båtliv', nameEn: 'Boating life' }
    expect((await admin.client.post('/admin/taxonomy', first)).status).toBe(302)
    const second = { intent: 'add', type: 'category', nameSv: 'Båtlivet', nameEn: 'Boating—life' }
    expect((await admin.client.post('/admin/taxonomy', second)).status).toBe(302)
    const slugs = await db
      .selectFrom('categories')
      .select('slug')
      .where('slug', 'like', 'boating-life%')
      .orderBy('id')
      .execute()
    expect(slugs.map((s) => s.slug)).toEqual(['boating-life', 'boating-life-2'])
  })

  it('renames in both languages and keeps the slug', async () => {
    const { areaId, areaSlug } = await createTaxonomy()
    const response = await admin.client.post('/admin/taxonomy', {
      intent: 'rename',
      type: 'area',
      id: String(areaId),
      nameSv: 'Västra hamnen',
      nameEn: 'West Harbour',
    })
    expect(response.status).toBe(302)
    const area = await db
      .selectFrom('areas')
      .selectAll()
      .where('id', '=', areaId)
      .executeTakeFirstOrThrow()
    expect(area).toMatchObject({
      slug: areaSlug,
      name_sv: 'Västra hamnen',
      name_en: 'West Harbour',
    })
    const audit = await lastAudit('admin.area.rename')
    expect(audit.subject_id).toBe(areaId)
    expect(audit.before).toEqual({
      name_sv: expect.stringMatching(/^Område/),
      name_en: expect.stringMatching(/^Area/),
    })
    expect(audit.after).toEqual({ name_sv: 'Västra hamnen', name_en: 'West Harbour' })
  })

  it('archives and restores, and an archived category is not offered for new challenges', async () => {
    const { categoryId } = await createTaxonomy()
    const archive = { intent: 'archive', type: 'category', id: String(categoryId) }
    expect((await admin.client.post('/admin/taxonomy', archive)).status).toBe(302)
    const archived = await db
      .selectFrom('categories')
      .select('archived_at')
      .where('id', '=', categoryId)
      .executeTakeFirstOrThrow()
    expect(archived.archived_at).not.toBeNull()
    const audit = await lastAudit('admin.category.archive')
    expect(audit).toMatchObject({ subject_id: categoryId, before: { archived_at: null } })
    expect(audit.after.archived_at).toBe(archived.archived_at)
    const form = await (await admin.client.get('/challenges/new')).text()
    expect(form).not.toContain(`value="${categoryId}"`)

    const restore = { ...archive, intent: 'unarchive' }
    expect((await admin.client.post('/admin/taxonomy', restore)).status).toBe(302)
    expect((await lastAudit('admin.category.unarchive')).after).toEqual({ archived_at: null })
  })

  it('archives and restores a reply template with its audit rows, and only once', async () => {
    const template = await addTemplate(`Arkiveras ${Date.now()}`)
    const archive = { intent: 'archive', id: String(template.id) }
    expect((await admin.client.post('/admin/templates', archive)).status).toBe(302)
    const audit = await lastAudit('admin.template.archive')
    expect(audit).toMatchObject({
      subject_type: 'reply_template',
      subject_id: template.id,
      before: { archived_at: null },
    })
    expect(audit.after.archived_at).not.toBeNull()
    // Archiving an archived template changes nothing and records nothing.
    expect((await admin.client.post('/admin/templates', archive)).status).toBe(302)
    expect((await lastAudit('admin.template.archive')).id).toBe(audit.id)
    const restore = { ...archive, intent: 'unarchive' }
    expect((await admin.client.post('/admin/templates', restore)).status).toBe(302)
    expect((await lastAudit('admin.template.unarchive')).after).toEqual({ archived_at: null })
  })

  it.each([
    ['an empty Swedish name', { nameSv: '', nameEn: 'Kept English' }],
    ['a name of spaces', { nameSv: '     ', nameEn: 'Kept English' }],
    ['an overlong name', { nameSv: 'x'.repeat(61), nameEn: 'Kept English' }],
    ['a line break', { nameSv: 'Två\nrader', nameEn: 'Kept English' }],
  ])('answers %s with 400, the input kept, and adds nothing', async (_label, names) => {
    const before = await snapshot()
    const response = await admin.client.post('/admin/taxonomy', {
      intent: 'add',
      type: 'category',
      ...names,
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Kept English"')
    expect(html).toContain('aria-invalid="true"')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a name another category already has', async () => {
    const { categoryId } = await createTaxonomy()
    const taken = await db
      .selectFrom('categories')
      .select('name_sv')
      .where('id', '=', categoryId)
      .executeTakeFirstOrThrow()
    const before = await snapshot()
    const response = await admin.client.post('/admin/taxonomy', {
      intent: 'add',
      type: 'category',
      nameSv: taken.name_sv.toUpperCase(),
      nameEn: 'Something new',
    })
    expect(response.status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })

  it.each(['999999', 'abc', '0', '-1', '1 OR 1=1', '0x10', '9007199254740993'])(
    'answers 404 for the id %s and changes nothing',
    async (id) => {
      const before = await snapshot()
      const rename = { intent: 'rename', type: 'category', id, nameSv: 'Namn', nameEn: 'Name' }
      expect((await admin.client.post('/admin/taxonomy', rename)).status).toBe(404)
      const archive = { intent: 'archive', type: 'area', id }
      expect((await admin.client.post('/admin/taxonomy', archive)).status).toBe(404)
      expect(await snapshot()).toEqual(before)
    },
  )

  it('answers an unknown type or intent with 400', async () => {
    const before = await snapshot()
    const bad: Array<Record<string, string>> = [
      { intent: 'add', type: 'users', nameSv: 'A', nameEn: 'B' },
      { intent: 'drop', type: 'category' },
    ]
    for (const form of bad)
      expect((await admin.client.post('/admin/taxonomy', form)).status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})

describe('organisations', () => {
  it('verifies and unverifies a municipal department', async () => {
    const department = await createOrganisation({ kind: 'municipality' })
    const verify = { intent: 'verify', id: String(department.id) }
    expect((await admin.client.post('/admin/organisations', verify)).status).toBe(302)
    const row = await db
      .selectFrom('organisations')
      .select('verified_at')
      .where('id', '=', department.id)
      .executeTakeFirstOrThrow()
    expect(row.verified_at).not.toBeNull()
    const audit = await lastAudit('admin.organisation.verify')
    expect(audit).toMatchObject({ subject_type: 'organisation', subject_id: department.id })
    expect(audit.before).toEqual({ verified_at: null })
    expect(audit.after).toEqual({ verified_at: row.verified_at })

    const unverify = { intent: 'unverify', id: String(department.id) }
    expect((await admin.client.post('/admin/organisations', unverify)).status).toBe(302)
    expect((await lastAudit('admin.organisation.unverify')).after).toEqual({ verified_at: null })
  })

  it('does not verify a business, and answers an unknown organisation with 404', async () => {
    const business = await createOrganisation({ kind: 'business' })
    const before = await snapshot()
    const post = (form: Record<string, string>) => admin.client.post('/admin/organisations', form)
    expect((await post({ intent: 'verify', id: String(business.id) })).status).toBe(400)
    expect((await post({ intent: 'verify', id: '999999' })).status).toBe(404)
    expect((await post({ intent: 'verify', id: 'abc' })).status).toBe(404)
    expect(await snapshot()).toEqual(before)
  })

  it('lists organisations with their kind, verification and member count', async () => {
    const owner = await createUser()
    const org = await createOrganisation({ name: 'Listade Laget AB', ownerId: owner.id })
    const response = await admin.client.get(
      '/admin/organisations?q=Listade&_data=routes%2Fadmin.organisations',
    )
    expect(response.status).toBe(200)
    const data = (await response.json()) as {
      items: Array<{ id: number; kind: string; verified_at: string | null; member_count: number }>
    }
    expect(data.items).toEqual([
      expect.objectContaining({ id: org.id, kind: 'business', verified_at: null, member_count: 1 }),
    ])
    expect((await admin.client.get('/admin/organisations?kind=government')).status).toBe(400)
  })

  it('merges a duplicate: members keep their highest role, posts and credits move', async () => {
    const both = await createUser({ name: 'Bodil Båda' })
    const onlyDuplicate = await createUser({ name: 'Dan Dubblett' })
    const pendingThere = await createUser({ name: 'Pia Pending' })
    const keeper = await createOrganisation({ name: 'Hamnföreningen', kind: 'association' })
    const duplicate = await createOrganisation({
      name: 'Hamnföreningen i Sjöhamn',
      kind: 'association',
      ownerId: both.id,
    })
    const member = (
      organisationId: number,
      userId: number,
      role: 'owner' | 'member',
      status: 'active' | 'pending',
    ) => insertMembership(db, { organisationId, userId, role, status })
    await member(keeper.id, both.id, 'member', 'active')
    await member(duplicate.id, onlyDuplicate.id, 'member', 'active')
    await member(keeper.id, pendingThere.id, 'member', 'active')
    await member(duplicate.id, pendingThere.id, 'member', 'pending')

    const challengeId = await createChallengeFor(both.id, { organisationId: duplicate.id })
    const solvedId = await createChallengeFor(onlyDuplicate.id)
    const solutionId = await proposeSolution({
      challengeId: solvedId,
      authorId: both.id,
      organisationId: duplicate.id,
      body: 'Vi ordnar det.',
    })
    await acceptSolution({ solutionId, actorId: onlyDuplicate.id, accept: true })
    await markSolved(solvedId, onlyDuplicate.id)
    const pledgeId = await pledge({
      challengeId,
      userId: both.id,
      organisationId: duplicate.id,
      plan: 'Vi tar oss an det.',
    })

    const response = await admin.client.post('/admin/organisations', {
      intent: 'merge',
      fromId: String(duplicate.id),
      intoId: String(keeper.id),
    })
    expect(response.status).toBe(302)

    expect(
      await db.selectFrom('organisations').select('id').where('id', '=', duplicate.id).execute(),
    ).toEqual([])
    const memberships = await db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'status'])
      .where('organisation_id', '=', keeper.id)
      .orderBy('user_id')
      .execute()
    expect(memberships).toEqual(
      [
        { user_id: both.id, role: 'owner', status: 'active' },
        { user_id: onlyDuplicate.id, role: 'member', status: 'active' },
        { user_id: pendingThere.id, role: 'member', status: 'active' },
      ].sort((a, b) => a.user_id - b.user_id),
    )
    const orgOf = async (table: 'challenges' | 'solutions' | 'pledges', id: number) =>
      (
        await db
          .selectFrom(table)
          .select('organisation_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).organisation_id
    expect(await orgOf('challenges', challengeId)).toBe(keeper.id)
    expect(await orgOf('solutions', solutionId)).toBe(keeper.id)
    expect(await orgOf('pledges', pledgeId)).toBe(keeper.id)
    const credits = await db
      .selectFrom('challenge_solvers')
      .select('organisation_id')
      .where('challenge_id', '=', solvedId)
      .execute()
    expect(credits).toEqual([{ organisation_id: keeper.id }])

    const audit = await lastAudit('admin.organisation.merge')
    expect(audit).toMatchObject({ subject_type: 'organisation', subject_id: keeper.id })
    expect(audit.before.from).toMatchObject({ id: duplicate.id, slug: duplicate.slug })
    expect(audit.after).toMatchObject({
      deleted: duplicate.id,
      moved: { memberships: 3, challenges: 1, solutions: 1, pledges: 1, challenge_solvers: 1 },
    })
  })

  it('refuses to merge an organisation into itself or into one that does not exist', async () => {
    const owner = await createUser()
    const org = await createOrganisation({ ownerId: owner.id })
    await createChallengeFor(owner.id, { organisationId: org.id })
    const before = await snapshot()
    const merge = (fromId: string, intoId: string) =>
      admin.client.post('/admin/organisations', { intent: 'merge', fromId, intoId })

    const self = await merge(String(org.id), String(org.id))
    expect(self.status).toBe(400)
    expect(await self.text()).toContain('aria-invalid="true"')
    expect((await merge(String(org.id), '999999')).status).toBe(404)
    expect((await merge('999999', String(org.id))).status).toBe(404)
    expect((await merge('', String(org.id))).status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})

describe('users and roles', () => {
  it('finds users by part of their name or email', async () => {
    const user = await createUser({ name: 'Greta Sökbar', email: 'greta.sokbar@example.se' })
    for (const q of ['Sökbar', 'greta.sokbar@', 'SOKBAR']) {
      const response = await admin.client.get(
        `/admin/users?q=${encodeURIComponent(q)}&_data=routes%2Fadmin.users`,
      )
      expect(response.status, q).toBe(200)
      const data = (await response.json()) as { items: Array<{ id: number }> }
      expect(
        data.items.map((u) => u.id),
        q,
      ).toEqual([user.id])
    }
    // LIKE wildcards are plain characters.
    const wild = await admin.client.get('/admin/users?q=%25&_data=routes%2Fadmin.users')
    expect(((await wild.json()) as { items: unknown[] }).items).toEqual([])
    expect((await admin.client.get(`/admin/users?q=${'x'.repeat(101)}`)).status).toBe(400)
    // A NUL has no place in a search (PostgreSQL refuses it in text): 400, on both lists.
    expect((await admin.client.get('/admin/users?q=a%00b')).status).toBe(400)
    expect((await admin.client.get('/admin/organisations?q=a%00b')).status).toBe(400)
    expect((await admin.client.get('/admin/users?role=root')).status).toBe(400)
  })

  it('makes a member a moderator, with the old and new role in the audit log', async () => {
    const user = await createUser()
    const response = await admin.client.post('/admin/users', {
      intent: 'role',
      id: String(user.id),
      role: 'moderator',
    })
    expect(response.status).toBe(302)
    const row = await db
      .selectFrom('users')
      .select('role')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.role).toBe('moderator')
    const audit = await lastAudit('admin.user.role')
    expect(audit).toMatchObject({
      actor_id: admin.user.id,
      subject_type: 'user',
      subject_id: user.id,
      before: { role: 'member' },
      after: { role: 'moderator' },
    })
  })

  it('does not let an admin remove their own admin role', async () => {
    const before = await snapshot()
    for (const role of ['member', 'moderator']) {
      const response = await admin.client.post('/admin/users', {
        intent: 'role',
        id: String(admin.user.id),
        role,
      })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('aria-invalid="true"')
    }
    expect(await snapshot()).toEqual(before)
    expect((await admin.client.get('/admin')).status).toBe(200)
  })

  it('answers an unknown user with 404 and an unknown role with 400', async () => {
    const user = await createUser()
    const before = await snapshot()
    const post = (form: Record<string, string>) => admin.client.post('/admin/users', form)
    expect((await post({ intent: 'role', id: '999999', role: 'admin' })).status).toBe(404)
    expect((await post({ intent: 'role', id: 'abc', role: 'admin' })).status).toBe(404)
    expect((await post({ intent: 'role', id: String(user.id), role: 'root' })).status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})

describe('settings', () => {
  it('saves the settings and records what changed', async () => {
    const response = await admin.client.post('/admin/settings', {
      ...VALID_SETTINGS,
      preModeration: 'on',
      autoHideThreshold: '5',
      slaDays: '30',
      boardName: 'Utmana Testby',
    })
    expect(response.status).toBe(302)
    forgetSettings() // this test process caches too; the server wrote
    expect(await getSettings()).toMatchObject({
      preModeration: true,
      quarantineNewAccounts: false,
      autoHideThreshold: 5,
      slaDays: 30,
      boardName: 'Utmana Testby',
    })
    const audit = await lastAudit('admin.settings.update')
    expect(audit).toMatchObject({ actor_id: admin.user.id, subject_type: 'settings' })
    expect(audit.before).toEqual({
      preModeration: false,
      autoHideThreshold: 3,
      slaDays: 14,
      boardName: 'Utmana',
    })
    expect(audit.after).toEqual({
      preModeration: true,
      autoHideThreshold: 5,
      slaDays: 30,
      boardName: 'Utmana Testby',
    })
    // The board's name is read on every page.
    expect(await (await admin.client.get('/admin/settings')).text()).toContain('Utmana Testby')

    // Unticked is off; back to the defaults for the other tests.
    expect((await admin.client.post('/admin/settings', VALID_SETTINGS)).status).toBe(302)
    forgetSettings() // this test process caches too; the server wrote
    expect(await getSettings()).toMatchObject({ preModeration: false, autoHideThreshold: 3 })
  })

  it.each([
    ['autoHideThreshold', '0'],
    ['autoHideThreshold', 'abc'],
    ['autoHideThreshold', '51'],
    ['autoHideThreshold', '2.5'],
    ['autoHideThreshold', ''],
    ['slaDays', '9999'],
    ['slaDays', '0'],
    ['boardName', ''],
    ['boardName', 'x'.repeat(81)],
    ['contactEmail', 'not an email'],
  ])('answers %s=%j with 400, the input kept, and saves nothing', async (key, value) => {
    const before = await snapshot()
    const response = await admin.client.post('/admin/settings', {
      ...VALID_SETTINGS,
      townName: 'Behållen ort',
      [key]: value,
    })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Behållen ort"')
    expect(html).toMatch(
      new RegExp(`name="${key}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="${key}"`),
    )
    expect(await snapshot()).toEqual(before)
  })
})

describe('reply templates', () => {
  it('adds, edits, archives and restores a template, each in the audit log', async () => {
    const add = await admin.client.post('/admin/templates', {
      intent: 'add',
      name: 'Tack för förslaget',
      bodySv: 'Tack!\r\nVi tittar på det.',
      bodyEn: 'Thank you!\r\nWe will look into it.',
    })
    expect(add.status).toBe(302)
    const template = await db
      .selectFrom('reply_templates')
      .selectAll()
      .where('name', '=', 'Tack för förslaget')
      .executeTakeFirstOrThrow()
    expect(template.body_sv).toBe('Tack!\nVi tittar på det.')
    const added = await lastAudit('admin.template.add')
    expect(added).toMatchObject({ subject_type: 'reply_template', subject_id: template.id })
    expect(added.after).toMatchObject({ name: 'Tack för förslaget' })

    const edit = await admin.client.post('/admin/templates', {
      intent: 'edit',
      id: String(template.id),
      name: 'Tack för idén',
      bodySv: 'Tack för idén!',
      bodyEn: 'Thanks for the idea!',
    })
    expect(edit.status).toBe(302)
    const edited = await lastAudit('admin.template.edit')
    expect(edited.before).toMatchObject({ name: 'Tack för förslaget', body_en: template.body_en })
    expect(edited.after).toEqual({
      name: 'Tack för idén',
      body_sv: 'Tack för idén!',
      body_en: 'Thanks for the idea!',
    })

    const archive = { intent: 'archive', id: String(template.id) }
    expect((await admin.client.post('/admin/templates', archive)).status).toBe(302)
    expect((await lastAudit('admin.template.archive')).before).toEqual({ archived_at: null })
    const restore = { intent: 'unarchive', id: String(template.id) }
    expect((await admin.client.post('/admin/templates', restore)).status).toBe(302)
    expect((await lastAudit('admin.template.unarchive')).after).toEqual({ archived_at: null })
  })

  it.each([
    ['an empty name', { name: '', bodySv: 'Kvar', bodyEn: 'Kept' }],
    ['an overlong name', { name: 'x'.repeat(81), bodySv: 'Kvar', bodyEn: 'Kept' }],
    ['an empty English text', { name: 'Mall', bodySv: 'Kvar', bodyEn: '   ' }],
    ['an overlong text', { name: 'Mall', bodySv: 'x'.repeat(2001), bodyEn: 'Kept' }],
  ])('answers %s with 400 and saves nothing', async (_label, fields) => {
    const before = await snapshot()
    const response = await admin.client.post('/admin/templates', { intent: 'add', ...fields })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('aria-invalid="true"')
    expect(await snapshot()).toEqual(before)
  })

  it('answers an unknown template with 404', async () => {
    const before = await snapshot()
    const edit = { intent: 'edit', id: '999999', name: 'Mall', bodySv: 'A', bodyEn: 'B' }
    expect((await admin.client.post('/admin/templates', edit)).status).toBe(404)
    const archive = { intent: 'archive', id: '999999' }
    expect((await admin.client.post('/admin/templates', archive)).status).toBe(404)
    expect(await snapshot()).toEqual(before)
  })
})

describe('the demo templates', () => {
  it('seeds four templates in both languages', async () => {
    const { seedDemoTemplates } = await import('#db/seed/templates')
    const before = await auditCount()
    await db.transaction().execute(async (trx) => {
      const start = await trx.selectFrom('reply_templates').select('id').execute()
      await seedDemoTemplates(trx)
      const rows = await trx
        .selectFrom('reply_templates')
        .selectAll()
        .where('id', 'not in', start.length ? start.map((r) => r.id) : [0])
        .execute()
      expect(rows).toHaveLength(4)
      for (const row of rows) {
        expect(row.body_sv.length).toBeGreaterThan(20)
        expect(row.body_en.length).toBeGreaterThan(20)
      }
    })
    expect(await auditCount()).toBe(before)
  })
})
