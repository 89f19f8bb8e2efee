// The W3C Nu HTML Checker (vnu-jar, on the machine's Java) over every page a user can reach:
// every page route in app/routes, as a visitor, a member, an organisation's member, a municipal
// department's member, a moderator and an admin, in Swedish and English, plus error pages and
// forms sent back with their messages. Also the served CSS and the SVG in public/.
//
//   npm run build && npm run check:html [-- --keep]
//
// It starts the real server (tests/browser/server.ts) on a fresh database seeded with the demo
// town, writes every HTML answer to a temporary directory, runs the checker once over all of them
// (the JVM takes seconds to start) and exits 1 on any error, listing each message with its pages.
// It also fails when a page answers other than expected (a stale id would check an error page
// instead of the page), or a form sent with bad input does not come back with its messages.
// No message is filtered out: where the checker refuses markup, the markup changes.
// --keep leaves the pages and an index.tsv in the temporary directory, to read them.
import { execFile } from 'node:child_process'
import { createHmac } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import SQLite from 'better-sqlite3'
import { DEMO, startServer, type TestServer } from '../tests/browser/server'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const VNU = path.join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar')
const keep = process.argv.includes('--keep')

type Lang = 'sv' | 'en'
const LANGS: Lang[] = ['sv', 'en']
const ROLES = [
  'visitor',
  'member',
  'org member',
  'department member',
  'moderator',
  'admin',
] as const
type Role = (typeof ROLES)[number]

/** Real ids from the seeded database, after `prepareStates`. */
interface Ids {
  challenge: Record<'pending' | 'open' | 'in_progress' | 'solved' | 'closed' | 'rejected', number>
  hidden: number
  /** The demo member's own open challenge (its page shows the owner's forms). */
  own: number
  /** A challenge with an open appeal: the richest triage page. */
  triage: number
  /** A solution by the demo member, for /solutions/:id/edit. */
  solution: number
  business: string
  municipality: string
  department: number
  /** A public challenge routed to that department. */
  routed: number
  /** A member with posts, for /moderation/users/:id; and a banned one. */
  user: number
  banned: number
  tokens: { reset: string; confirm: string; unsubscribe: string; fixed: string }
}

/** A page to fetch; `status` is what the admin (who may open every page) must get. */
interface PageCase {
  path: string
  status?: number
}

const NOT_A_TOKEN = 'not-a-valid-token-xxxxxxxxxxxxxxxxxxxxxx'

/**
 * Every page route (a file in app/routes with a default export) and the URLs that show its
 * states. The list of files is read from the directory: a new page route without an entry here
 * stops the check, so no page goes unchecked. Resource routes (no default export: feeds, CSV,
 * JSON, redirects) answer no HTML and are left out by the same reading.
 */
const PAGES: Record<string, (ids: Ids) => PageCase[]> = {
  $: () => [{ path: '/does-not-exist', status: 404 }],
  _index: () => [{ path: '/' }],
  about: () => [{ path: '/about' }],
  accessibility: () => [{ path: '/accessibility' }],
  privacy: () => [{ path: '/privacy' }],
  'admin._index': () => [{ path: '/admin' }],
  'admin.organisations': () => [
    { path: '/admin/organisations' },
    { path: '/admin/organisations?q=sj%C3%B6&kind=business&notice=verified' },
  ],
  'admin.settings': () => [{ path: '/admin/settings' }, { path: '/admin/settings?notice=saved' }],
  'admin.taxonomy': () => [{ path: '/admin/taxonomy' }, { path: '/admin/taxonomy?notice=added' }],
  'admin.templates': () => [
    { path: '/admin/templates' },
    { path: '/admin/templates?notice=saved' },
  ],
  'admin.users': () => [
    { path: '/admin/users' },
    { path: '/admin/users?q=anna&role=member&notice=roleChanged' },
  ],
  'challenges._index': () => [
    { path: '/challenges' },
    { path: '/challenges?q=buss&sort=top&status=open' },
    { path: '/challenges?category=mobility&by=business&sort=trending' },
    { path: '/challenges?page=2' },
    { path: '/challenges?q=zzzznothingmatches' },
    { path: '/challenges?page=abc', status: 400 },
  ],
  'challenges.$id': (ids) => [
    ...Object.values(ids.challenge).map((id) => ({ path: `/challenges/${id}` })),
    { path: `/challenges/${ids.hidden}` },
    { path: `/challenges/${ids.own}` },
    { path: `/challenges/${ids.triage}` },
    { path: `/challenges/${ids.routed}` },
    { path: `/challenges/${ids.challenge.open}?flagged=comment&appealed=1` },
    { path: '/challenges/999999', status: 404 },
    { path: '/challenges/abc', status: 404 },
  ],
  'challenges.new': () => [{ path: '/challenges/new' }],
  'challenges_.$id.edit': (ids) => [
    { path: `/challenges/${ids.own}/edit` },
    { path: `/challenges/${ids.challenge.rejected}/edit` },
  ],
  'confirm-email.$token': (ids) => [
    { path: `/confirm-email/${ids.tokens.confirm}` },
    { path: `/confirm-email/${NOT_A_TOKEN}`, status: 404 },
  ],
  'fixed.$token': (ids) => [
    { path: `/fixed/${ids.tokens.fixed}` },
    { path: `/fixed/${ids.tokens.fixed}?answer=fixed` },
    { path: `/fixed/${ids.tokens.fixed}?answer=not_fixed` },
    { path: `/fixed/${NOT_A_TOKEN}`, status: 404 },
  ],
  flagged: () => [{ path: '/flagged' }],
  'forgot-password': () => [{ path: '/forgot-password' }],
  inbox: (ids) => [
    ...['department', 'mine', 'overdue', 'answered'].map((show) => ({
      path: `/inbox?show=${show}`,
    })),
    { path: `/inbox?show=department&department=${ids.department}` },
    { path: '/inbox?show=nonsense', status: 400 },
  ],
  // Signed-in people are sent on; the visitor sees the form.
  login: () => [
    { path: '/login', status: 302 },
    { path: '/login?notice=passwordReset', status: 302 },
  ],
  'me._index': () => [{ path: '/me' }, { path: '/me?notice=passwordChanged' }],
  'me.challenges': () => [{ path: '/me/challenges' }],
  'me.data': () => [{ path: '/me/data' }],
  'me.following': () => [{ path: '/me/following' }],
  'me.notifications': () => [{ path: '/me/notifications' }],
  'me.pledges': () => [{ path: '/me/pledges' }],
  'me.reports': () => [{ path: '/me/reports' }],
  'moderation._index': () => [
    ...['pending', 'flagged', 'unrouted', 'overdue', 'appeals', 'disputes', 'recent'].map(
      (tab) => ({ path: `/moderation?tab=${tab}` }),
    ),
    { path: '/moderation?tab=unrouted&sort=age&category=1&area=1&done=2' },
  ],
  'moderation.challenges.$id': (ids) => [
    { path: `/moderation/challenges/${ids.triage}` },
    { path: `/moderation/challenges/${ids.hidden}` },
    { path: `/moderation/challenges/${ids.challenge.pending}` },
    { path: `/moderation/challenges/${ids.challenge.solved}` },
    { path: '/moderation/challenges/999999', status: 404 },
  ],
  'moderation.log': () => [
    { path: '/moderation/log' },
    { path: '/moderation/log?subject=challenge&action=challenge' },
  ],
  'moderation.users.$id': (ids) => [
    { path: `/moderation/users/${ids.user}` },
    { path: `/moderation/users/${ids.banned}` },
    { path: '/moderation/users/999999', status: 404 },
  ],
  'open-data._index': () => [{ path: '/open-data' }],
  'organisations._index': () => [
    { path: '/organisations' },
    { path: '/organisations?q=sj%C3%B6&kind=association' },
  ],
  'organisations.$slug': (ids) => [
    { path: `/organisations/${ids.business}` },
    { path: `/organisations/${ids.municipality}?notice=saved` },
    { path: '/organisations/no-such-organisation', status: 404 },
  ],
  outcomes: () => [
    { path: '/outcomes' },
    { path: '/outcomes?show=in_progress' },
    { path: '/outcomes?show=closed' },
  ],
  // Signed-in people are sent on; the visitor sees the form.
  register: () => [{ path: '/register', status: 302 }],
  'reports._index': () => [
    { path: '/reports' },
    { path: '/reports?from=2026-06-30&to=2026-01-01', status: 400 },
  ],
  'reset-password.$token': (ids) => [
    { path: `/reset-password/${ids.tokens.reset}` },
    { path: `/reset-password/${NOT_A_TOKEN}`, status: 410 },
  ],
  'solutions.$id.edit': (ids) => [{ path: `/solutions/${ids.solution}/edit` }],
  'unsubscribe.$token': (ids) => [
    { path: `/unsubscribe/${ids.tokens.unsubscribe}` },
    { path: `/unsubscribe/${NOT_A_TOKEN}`, status: 404 },
  ],
}

/** Forms sent with bad input, so they come back with their messages (400). */
interface FormCase {
  role: Role
  path: string
  form: Record<string, string>
  status?: number
}

const FORMS = (ids: Ids): FormCase[] => [
  {
    role: 'visitor',
    path: '/register',
    form: { name: 'A', email: 'not-an-email', password: 'short', redirectTo: '/me' },
  },
  { role: 'visitor', path: '/login', form: { email: 'nobody', password: '', redirectTo: '/' } },
  { role: 'visitor', path: '/forgot-password', form: { email: 'not-an-email' } },
  {
    role: 'visitor',
    path: `/reset-password/${ids.tokens.reset}`,
    form: { password: 'short', confirm: 'other' },
  },
  {
    role: 'member',
    path: '/challenges/new',
    form: { title: 'x', description: '', category: '', area: '', place: 'x'.repeat(300) },
  },
  {
    role: 'member',
    path: `/challenges/${ids.own}/edit`,
    form: { title: '', description: '', category: '', area: '' },
  },
  {
    role: 'member',
    path: `/challenges/${ids.challenge.open}`,
    form: { intent: 'comment', body: '' },
  },
  {
    role: 'member',
    path: `/challenges/${ids.challenge.open}`,
    form: { intent: 'solution', body: '' },
  },
  {
    role: 'member',
    path: `/challenges/${ids.challenge.open}`,
    form: { intent: 'pledge', plan: '' },
  },
  { role: 'member', path: `/solutions/${ids.solution}/edit`, form: { body: '' } },
  {
    role: 'member',
    path: '/me',
    form: { intent: 'change-password', current: 'wrong', password: 'short', confirm: 'x' },
  },
  { role: 'member', path: '/me/data', form: { intent: 'delete', confirm: 'no' } },
  {
    role: 'org member',
    path: `/organisations/${ids.business}`,
    form: { intent: 'profile', name: '', website: 'not a url' },
  },
  {
    role: 'moderator',
    path: `/moderation/challenges/${ids.triage}`,
    form: { intent: 'triage', status: 'nonsense' },
  },
  {
    role: 'moderator',
    path: `/moderation/challenges/${ids.triage}`,
    form: { intent: 'note', body: '' },
  },
  { role: 'moderator', path: `/moderation/users/${ids.user}`, form: { intent: 'ban', days: 'x' } },
  {
    role: 'admin',
    path: '/admin/templates',
    form: { intent: 'edit', id: '1', name: '', bodySv: '', bodyEn: '' },
  },
  { role: 'admin', path: '/admin/templates', form: { intent: 'add', name: '' } },
  {
    role: 'admin',
    path: '/admin/taxonomy',
    form: { intent: 'add', type: 'category', nameSv: '', nameEn: '' },
  },
  {
    role: 'admin',
    path: '/admin/taxonomy',
    form: { intent: 'rename', type: 'area', id: '1', nameSv: '', nameEn: 'x'.repeat(200) },
  },
  {
    role: 'admin',
    path: '/admin/organisations',
    form: { intent: 'merge', fromId: '', intoId: '' },
  },
  {
    role: 'admin',
    path: '/admin/users',
    form: { intent: 'role', id: String(ids.user), role: 'nonsense' },
  },
  { role: 'moderator', path: '/moderation?tab=pending', form: { action: '' } },
  {
    role: 'member',
    path: `/challenges/${ids.challenge.open}`,
    form: {
      intent: 'flag',
      subjectType: 'challenge',
      subjectId: String(ids.challenge.open),
      reason: '',
    },
  },
  { role: 'admin', path: '/admin/settings', form: { slaDays: '-1' } },
]

// ---------------------------------------------------------------------------------------------

/** A browser-like client: keeps cookies, sends our Origin on writes, never follows redirects. */
class Client {
  private cookies = new Map<string, string>()
  constructor(private origin: string) {}

  async request(pathname: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { 'Accept-Language': 'sv' }
    if (this.cookies.size) {
      headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    }
    if (form) headers.Origin = this.origin
    const response = await fetch(this.origin + pathname, {
      method: form ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      body: form ? new URLSearchParams(form) : undefined,
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const index = pair.indexOf('=')
      const value = pair.slice(index + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie) || value === '') {
        this.cookies.delete(pair.slice(0, index))
      } else this.cookies.set(pair.slice(0, index), value)
    }
    return response
  }
}

/** Page route ids (file names without extension) read from app/routes. */
function pageRoutes() {
  const dir = path.join(ROOT, 'app/routes')
  return fs
    .readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file))
    .filter((file) => /^export default /m.test(fs.readFileSync(path.join(dir, file), 'utf8')))
    .map((file) => file.replace(/\.tsx?$/, ''))
}

/**
 * States the demo town lacks, written straight into the test database: a rejected and a hidden
 * challenge, a held comment and proposal, a pending request to join an organisation, a banned
 * member, a solved challenge asked "is it fixed?".
 */
function prepareStates(server: TestServer) {
  const db = new SQLite(server.dbFile)
  try {
    db.pragma('busy_timeout = 5000')
    const one = <T>(sql: string, ...params: unknown[]) => {
      const row = db.prepare(sql).get(...params) as T | undefined
      if (!row) throw new Error(`The demo town has nothing for: ${sql}`)
      return row
    }
    const now = new Date().toISOString()
    const member = one<{ id: number }>('select id from users where email = ?', DEMO.resident.email)
    const other = one<{ id: number }>(
      `select id from users where role = 'member' and id != ? and id not in (select user_id from memberships)
       order by id limit 1`,
      member.id,
    )
    const open = (offset: number) =>
      one<{ id: number }>(
        `select id from challenges where status = 'open' and hidden_at is null and author_id != ?
         order by id limit 1 offset ?`,
        member.id,
        offset,
      ).id
    // The demo member's own open challenge, so its page and edit form show the owner's forms.
    const own = open(2)
    db.prepare('update challenges set author_id = ? where id = ?').run(member.id, own)
    const rejected = open(5)
    db.prepare(`update challenges set status = 'rejected' where id = ?`).run(rejected)
    db.prepare(
      `insert into challenge_status_history (challenge_id, actor_id, from_status, to_status, message)
       values (?, (select id from users where role = 'moderator' limit 1), 'pending', 'rejected', 'Dubblett')`,
    ).run(rejected)
    const hidden = open(6)
    db.prepare(`update challenges set hidden_at = ?, hidden_reason = 'offensive' where id = ?`).run(
      now,
      hidden,
    )
    const comment = db.prepare(
      `insert into comments (challenge_id, author_id, body_md, body_html, hidden_at, hidden_reason, held_at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    comment.run(own, member.id, 'Väntar', '<p>Väntar</p>', null, null, now)
    comment.run(own, other.id, 'Dold', '<p>Dold</p>', now, 'offensive', null)
    db.prepare(
      `insert into solutions (challenge_id, author_id, body_md, body_html, held_at, updated_at)
       values (?, ?, 'Ett förslag i karantän', '<p>Ett förslag i karantän</p>', ?, ?)`,
    ).run(own, other.id, now, now)
    const solution = db
      .prepare(
        `insert into solutions (challenge_id, author_id, body_md, body_html, updated_at)
         values (?, ?, 'Mitt förslag', '<p>Mitt förslag</p>', ?) returning id`,
      )
      .get(open(1), member.id, now) as { id: number }
    // The org member owns a business (its page shows the profile form and join requests); the
    // department member works at a municipal department (its inbox, its official responses).
    const business = one<{ id: number; slug: string; email: string }>(
      `select o.id, o.slug, u.email from organisations o join memberships m on m.organisation_id = o.id
       join users u on u.id = m.user_id
       where o.kind = 'business' and m.role = 'owner' and m.status = 'active' and u.role = 'member'
       order by o.id limit 1`,
    )
    db.prepare(
      `insert into memberships (organisation_id, user_id, role, status) values (?, ?, 'member', 'pending')`,
    ).run(business.id, other.id)
    const department = one<{ id: number; slug: string; email: string }>(
      `select o.id, o.slug, u.email from organisations o join memberships m on m.organisation_id = o.id
       join users u on u.id = m.user_id
       where o.kind = 'municipality' and m.status = 'active' and u.role = 'member'
       order by o.id limit 1`,
    )
    // A public challenge routed to that department, with its member as the contact.
    const routed = open(3)
    db.prepare(
      `update challenges set department_id = ?, contact_user_id = (select id from users where email = ?)
       where id = ?`,
    ).run(department.id, department.email, routed)
    const banned = one<{ id: number }>(
      `select id from users where role = 'member' and id not in (?, ?)
       and id not in (select user_id from memberships) order by id desc limit 1`,
      member.id,
      other.id,
    )
    db.prepare(`update users set banned_until = ?, ban_reason = 'Spam' where id = ?`).run(
      new Date(Date.now() + 7 * 86_400_000).toISOString(),
      banned.id,
    )
    const solved = one<{ id: number }>(
      `select challenge_id as id from challenge_solvers order by challenge_id limit 1`,
    )
    db.prepare('update challenges set fixed_asked_at = ? where id = ?').run(now, solved.id)
    const unsubscribe = 'checkhtml_unsubscribe_token_0123456789'
    db.prepare('update users set unsubscribe_token = ? where id = ?').run(unsubscribe, member.id)

    const byStatus = (status: string) =>
      one<{ id: number }>(
        `select id from challenges where status = ? and hidden_at is null order by id limit 1`,
        status,
      ).id
    return {
      challenge: {
        pending: byStatus('pending'),
        open: open(0),
        in_progress: byStatus('in_progress'),
        solved: solved.id,
        closed: byStatus('closed'),
        rejected,
      },
      hidden,
      own,
      triage: one<{ id: number }>(
        `select challenge_id as id from appeals where status = 'open' order by id limit 1`,
      ).id,
      solution: solution.id,
      business: business.slug,
      municipality: department.slug,
      department: department.id,
      routed,
      user: member.id,
      banned: banned.id,
      fixedFor: { challenge: solved.id, user: member.id },
      unsubscribe,
      emails: { businessOwner: business.email, departmentMember: department.email },
    }
  } finally {
    db.close()
  }
}

/** A one-click "is it fixed?" link, signed as the server signs it (its secret is beside the database). */
function fixedToken(server: TestServer, challengeId: number, userId: number) {
  const secret = fs
    .readFileSync(path.join(path.dirname(server.dbFile), '.session-secret'), 'utf8')
    .trim()
  const key = createHmac('sha256', secret).update('fixed-question').digest()
  const mac = createHmac('sha256', key).update(`${challengeId}:${userId}`).digest('base64url')
  return `${challengeId}.${userId}.${mac}`
}

/** The newest link of this kind mailed to anyone (read from the outbox). */
function mailedToken(server: TestServer, kind: 'reset-password' | 'confirm-email') {
  const db = new SQLite(server.dbFile, { readonly: true })
  try {
    const rows = db.prepare('select text_body from email_outbox order by id desc').all() as {
      text_body: string
    }[]
    for (const { text_body } of rows) {
      const match = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(text_body)
      if (match) return match[1]!
    }
    throw new Error(`No ${kind} link in the outbox`)
  } finally {
    db.close()
  }
}

interface Fetched {
  file: string
  role: Role
  lang: Lang
  what: string
  status: number
}

/** Fetches every page into `dir`; what answered other than expected goes to `problems`. */
async function fetchPages(dir: string, routes: string[], problems: string[]) {
  const server = await startServer()
  const fetched: Fetched[] = []
  try {
    const states = prepareStates(server)
    // A password-reset and an address-confirmation mail, asked for the way a person does.
    const anon = new Client(server.url)
    await anon.request('/forgot-password', { email: DEMO.resident.email })
    const registered = await anon.request('/register', {
      name: 'Nya Nilsson',
      email: `check-html-${Date.now()}@example.se`,
      password: 'a long enough passphrase for this',
      redirectTo: '/me',
    })
    // A sign-up answers "check your e-mail" (200) whether or not the address is taken.
    if (registered.status !== 200) throw new Error(`Registering answered ${registered.status}`)
    const ids: Ids = {
      ...states,
      tokens: {
        reset: mailedToken(server, 'reset-password'),
        confirm: mailedToken(server, 'confirm-email'),
        unsubscribe: states.unsubscribe,
        // The secret is written on first use of a session: after registering.
        fixed: fixedToken(server, states.fixedFor.challenge, states.fixedFor.user),
      },
    }

    // Every demo resident has the same password.
    const password = DEMO.resident.password
    const accounts: Record<Role, { email: string; password: string } | null> = {
      visitor: null,
      member: DEMO.resident,
      'org member': { email: states.emails.businessOwner, password },
      'department member': { email: states.emails.departmentMember, password },
      moderator: DEMO.moderator,
      admin: DEMO.admin,
    }

    const pages = routes.flatMap((route) => PAGES[route]!(ids))
    const forms = FORMS(ids)
    let n = 0
    const save = async (response: Response, role: Role, lang: Lang, what: string) => {
      const type = response.headers.get('content-type') ?? ''
      if (response.status >= 300 && response.status < 400) return ''
      if (!type.startsWith('text/html')) {
        problems.push(`${what} (${role}, ${lang}) answered ${response.status} ${type}, not HTML`)
        return ''
      }
      if (response.status >= 500)
        problems.push(`${what} (${role}, ${lang}) answered ${response.status}`)
      const file = path.join(dir, `${String(++n).padStart(4, '0')}.html`)
      const body = Buffer.from(await response.arrayBuffer())
      fs.writeFileSync(file, body)
      fetched.push({ file, role, lang, what, status: response.status })
      return body.toString('utf8')
    }

    await save(registered, 'visitor', 'sv', 'POST /register (check your e-mail)')

    // A client per role and language, all at once: the server renders while this process writes.
    const visits = ROLES.flatMap((role) => LANGS.map((lang) => ({ role, lang })))
    await Promise.all(
      visits.map(async ({ role, lang }) => {
        const client = new Client(server.url)
        await client.request('/language', { lng: lang, redirectTo: '/' })
        const account = accounts[role]
        if (account) {
          const login = await client.request('/login', { ...account, redirectTo: '/me' })
          if (login.status !== 302)
            throw new Error(`Signing in as ${role} answered ${login.status}`)
        }
        for (const page of pages) {
          const response = await client.request(page.path)
          if (role === 'admin' && response.status !== (page.status ?? 200)) {
            problems.push(
              `${page.path} answered ${response.status} to the admin, expected ${page.status ?? 200}: is its id stale?`,
            )
          }
          await save(response, role, lang, `GET ${page.path}`)
        }
        for (const form of forms.filter((f) => f.role === role)) {
          const response = await client.request(form.path, form.form)
          if (response.status !== (form.status ?? 400)) {
            problems.push(
              `POST ${form.path} ${JSON.stringify(form.form)} as ${role} answered ${response.status}, expected ${form.status ?? 400}`,
            )
          }
          const fields = form.form.intent
            ? `intent=${form.form.intent}`
            : Object.keys(form.form).join(', ')
          const html = await save(response, role, lang, `POST ${form.path} (${fields})`)
          // The form itself must come back with its messages, not an error page.
          if (!/aria-invalid="true"|class="(form|field)-errors"/.test(html)) {
            problems.push(
              `POST ${form.path} ${JSON.stringify(form.form)} as ${role} did not come back with field messages`,
            )
          }
        }
      }),
    )

    // Pages the server answers itself, before the app (server/app.ts, `refusal`).
    const raw = (pathname: string, init: RequestInit = {}) =>
      fetch(server.url + pathname, { redirect: 'manual', ...init })
    const post = (headers: Record<string, string>, body: BodyInit) =>
      ({ method: 'POST', headers: { Origin: server.url, ...headers }, body }) as RequestInit
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
    for (const [what, response] of [
      ['GET /%FF (a broken escape)', raw('/%FF')],
      [
        'POST /login from another site',
        raw('/login', post({ ...form, Origin: 'https://elsewhere.example' }, 'email=a')),
      ],
      ['POST /login, too large', raw('/login', post(form, 'x'.repeat(1024 * 1024 + 1)))],
      ['POST /login as JSON', raw('/login', post({ 'Content-Type': 'application/json' }, '{}'))],
    ] as const) {
      await save(await response, 'visitor', 'sv', what)
    }

    // The rate-limit page (429), last: it uses up sign-in attempts from this address.
    for (const lang of LANGS) {
      const client = new Client(server.url)
      await client.request('/language', { lng: lang, redirectTo: '/' })
      for (let attempt = 0; attempt < 30; attempt++) {
        const response = await client.request('/login', {
          email: 'nobody-here@example.se',
          password: 'not the password',
          redirectTo: '/',
        })
        if (response.status === 429) {
          await save(response, 'visitor', lang, 'POST /login, too many tries (429)')
          break
        }
        await response.arrayBuffer()
      }
    }
    if (!fetched.some((f) => f.status === 429)) {
      problems.push('30 failed sign-ins never answered 429: the rate-limit page went unchecked')
    }
  } finally {
    await server.stop()
  }
  return fetched
}

/** Exit code: 0 when the checker found nothing and every page answered as expected. */
async function main(dir: string) {
  const routes = pageRoutes()
  const missing = routes.filter((route) => !(route in PAGES))
  const stale = Object.keys(PAGES).filter((route) => !routes.includes(route))
  if (missing.length || stale.length) {
    if (missing.length)
      console.error(`Page routes the checker does not open: ${missing.join(', ')}`)
    if (stale.length) console.error(`Checker entries with no page route: ${stale.join(', ')}`)
    console.error('Add them to PAGES in scripts/check-html.ts.')
    return 2
  }

  const started = Date.now()
  const problems: string[] = []
  const fetched = await fetchPages(dir, routes, problems)
  const fetchedIn = Date.now() - started

  // The built stylesheets as served, and the SVG icon.
  const assets = [
    ...fs
      .readdirSync(path.join(ROOT, 'public/build/_assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => path.join(ROOT, 'public/build/_assets', f)),
    ...fs
      .readdirSync(path.join(ROOT, 'public'))
      .filter((f) => /\.(css|svg)$/.test(f))
      .map((f) => path.join(ROOT, 'public', f)),
  ]

  const checking = Date.now()
  const messages = await runVnu([...fetched.map((f) => f.file), ...assets])
  const byFile = new Map(fetched.map((f) => [f.file, f]))
  const groups = new Map<string, { example: VnuMessage; where: string[] }>()
  for (const message of messages) {
    // --errors-only leaves errors and "non-document-error"s (a file it could not read).
    if (message.type === 'info') continue
    const file = message.url ? fileURLToPath(message.url) : '(checker)'
    const page = byFile.get(file)
    const where = page ? `${page.what} (${page.role}, ${page.lang}, ${page.status})` : file
    // Ids and numbers vary per page; the mistake is the same.
    const key = message.message.replace(/\d+/g, 'N')
    const group = groups.get(key) ?? { example: message, where: [] }
    if (!group.where.includes(where)) group.where.push(where)
    groups.set(key, group)
  }

  let pairs = 0
  const sorted = [...groups].sort((a, b) => b[1].where.length - a[1].where.length)
  for (const [key, { example, where }] of sorted) {
    pairs += where.length
    console.log(`\n✗ ${key}  — on ${where.length} page(s)`)
    if (example.extract)
      console.log(`    ${example.extract.replace(/\s+/g, ' ').trim().slice(0, 200)}`)
    for (const w of where.slice(0, 8)) console.log(`    ${w}`)
    if (where.length > 8) console.log(`    … and ${where.length - 8} more`)
  }
  for (const problem of problems) console.log(`\n! ${problem}`)

  const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`
  console.log(
    `\nChecked ${fetched.length} HTML pages (${ROLES.length} roles × ${LANGS.length} languages) and ` +
      `${assets.length} CSS/SVG files: ${messages.length} errors, ${groups.size} distinct, ` +
      `${pairs} page×error pairs; ${problems.length} other problems ` +
      `(fetching ${seconds(fetchedIn)}, checking ${seconds(Date.now() - checking)}).`,
  )
  if (keep) {
    const index = fetched.map(
      (f) => `${path.basename(f.file)}\t${f.role}\t${f.lang}\t${f.status}\t${f.what}`,
    )
    fs.writeFileSync(path.join(dir, 'index.tsv'), index.join('\n') + '\n')
    console.log(`Pages kept in ${dir} (index.tsv says which is which)`)
  }
  return groups.size || problems.length ? 1 : 0
}

interface VnuMessage {
  type: string
  subType?: string
  url?: string
  message: string
  extract?: string
}

async function runVnu(files: string[]): Promise<VnuMessage[]> {
  const run = promisify(execFile)(
    'java',
    [
      // Measured over ~1,100 pages: the quick compiler alone and the serial collector halve the
      // CPU time (24 s → 13 s) and the memory (700 → 340 MB) for the same messages. It needs a
      // deeper stack for the schema's recursion (vnu asks for 512 KB at least; 1 MB overflowed).
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      '-Xss16m',
      '-jar',
      VNU,
      '--errors-only',
      '--exit-zero-always',
      '--also-check-css',
      '--also-check-svg',
      '--format',
      'json',
      '--stdout',
      ...files,
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  )
  const { stdout } = await run.catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Error('No `java` on this machine: apt-get install default-jre-headless', {
        cause: error,
      })
    }
    throw error
  })
  return (JSON.parse(stdout) as { messages: VnuMessage[] }).messages
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utmana-html-'))
let code = 1
try {
  code = await main(dir)
} finally {
  if (!keep) fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(code)
