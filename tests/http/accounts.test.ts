import { describe, expect, it } from 'vitest'
import { db } from '~/db.server'
import { sendConfirmationMail } from '~/models/email-confirmation.server'
import { listOutbox } from '~/models/outbox.server'
import { countUserSessions } from '~/models/session.server'
import { createOrganisation, createUser } from '../factories'
import { testServerForFile, type Client } from '../helpers/http'

const server = testServerForFile()

const sessionCookie = (client: Client) => client.cookies.get('utmana_session')

async function resetLinkFor(email: string) {
  const [mail] = await listOutbox({ to: email, template: 'passwordReset' })
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '')
  if (!match) throw new Error('no reset mail')
  return `/reset-password/${match[1]}`
}

async function welcomeLinkFor(email: string) {
  const [mail] = await listOutbox({ to: email, template: 'welcome' })
  const match = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(mail?.text_body ?? '')
  if (!match) throw new Error('no welcome mail')
  return match[0]
}

describe('registration', () => {
  it('creates the account, says "check your e-mail", and signs in only through the link', async () => {
    const client = server.client()
    const response = await client.post('/register', {
      name: 'Sara Holm',
      email: 'Sara.Holm@Example.se',
      password: 'hamnen i kvällsljus',
      represent: 'none',
    })
    expect(response.status).toBe(200)
    expect(sessionCookie(client)).toBeUndefined()
    const html = await response.text()
    expect(html).toContain('Titta i din e-post')
    expect(html).toContain('sara.holm@example.se')
    // Not signed in, and the password alone does not sign in before the address is confirmed.
    expect((await client.get('/me')).status).toBe(302)
    expect(
      (
        await client.post('/login', {
          email: 'sara.holm@example.se',
          password: 'hamnen i kvällsljus',
        })
      ).status,
    ).toBe(401)
    const [welcome] = await listOutbox({ to: 'sara.holm@example.se', template: 'welcome' })
    expect(welcome?.subject).toBe('Välkommen till Utmana')
    expect(welcome?.text_body).toContain('Hej Sara Holm!')
    const link = /\/confirm-email\/[A-Za-z0-9_-]+/.exec(welcome?.text_body ?? '')![0]
    const confirmed = await client.post(link, {})
    expect(confirmed.status).toBe(200)
    expect(await confirmed.text()).toContain('Du är inloggad.')
    const me = await client.get('/me')
    expect(me.status).toBe(200)
    expect(await me.text()).toContain('sara.holm@example.se')
    // From now on the password works.
    await server.client().login('sara.holm@example.se', 'hamnen i kvällsljus')
  })

  it('answers bad input with 400, the input kept and a message tied to each field', async () => {
    const response = await server
      .client()
      .post('/register', { name: 'Nils Nilsson', email: 'nils@example', password: 'kort' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('value="Nils Nilsson"')
    expect(html).toContain('value="nils@example"')
    expect(html).toMatch(
      /id="register-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="register-email"/,
    )
    expect(html).toMatch(/aria-describedby="register-email-error"/)
    expect(html).toContain('Skriv en giltig e-postadress')
    expect(html).toContain('Lösenordet måste ha minst 8 tecken.')
    expect(html).not.toContain('value="kort"')
  })

  it('names the limit of an overlong name', async () => {
    const response = await server.client().post('/register', {
      name: 'x'.repeat(10_000),
      email: 'long@example.se',
      password: 'hamnen i kvällsljus',
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Högst 80 tecken.')
  })

  it('ignores extra fields such as role=admin', async () => {
    const client = server.client()
    await client.post('/register', {
      name: 'Ola Ohlsson',
      email: 'ola@example.se',
      password: 'hamnen i kvällsljus',
      role: 'admin',
      id: '1',
    })
    const user = await db
      .selectFrom('users')
      .select(['role', 'id'])
      .where('email', '=', 'ola@example.se')
      .executeTakeFirstOrThrow()
    expect(user.role).toBe('member')
    expect(user.id).not.toBe(1)
  })

  it('creates a business the new user owns once the address is confirmed', async () => {
    const client = server.client()
    const response = await client.post('/register', {
      name: 'Kim Berg',
      email: 'kim@example.se',
      password: 'cyklar och kaffe',
      represent: 'new',
      organisationName: 'Bergs Cykel & Kaffe',
      organisationKind: 'business',
    })
    expect(response.status).toBe(200)
    const ownership = () =>
      db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'organisations.slug',
          'organisations.kind',
          'memberships.role',
          'memberships.status',
        ])
        .where('users.email', '=', 'kim@example.se')
        .execute()
    expect(await ownership()).toEqual([])
    await client.post(await welcomeLinkFor('kim@example.se'), {})
    expect(await ownership()).toEqual([
      { slug: 'bergs-cykel-kaffe', kind: 'business', role: 'owner', status: 'active' },
    ])
  })

  it('asks to join an existing association and tells its owner once the address is confirmed', async () => {
    const owner = await createUser()
    const org = await createOrganisation({
      kind: 'association',
      name: 'Föreningen Fyren',
      ownerId: owner.id,
    })
    const response = await server.client().post('/register', {
      name: 'Lo Lind',
      email: 'lo@example.se',
      password: 'fyren lyser i natt',
      represent: 'join',
      organisationId: String(org.id),
    })
    expect(response.status).toBe(200)
    expect(await listOutbox({ to: owner.email, template: 'joinRequest' })).toEqual([])
    await server.client().post(await welcomeLinkFor('lo@example.se'), {})
    const membership = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.status', 'memberships.role'])
      .where('users.email', '=', 'lo@example.se')
      .executeTakeFirstOrThrow()
    expect(membership).toEqual({ status: 'pending', role: 'member' })
    const [request] = await listOutbox({ to: owner.email, template: 'joinRequest' })
    expect(request?.subject).toBe('Lo Lind vill gå med i Föreningen Fyren')
    expect(request?.text_body).toContain(`http://localhost:3000/organisations/${org.slug}`)
  })
})

describe('registration that tells nobody whether an address has an account (issue 10, item 11)', () => {
  const form = (email: string) => ({
    name: 'Någon Ny',
    email,
    password: 'hamnen i kvällsljus',
    represent: 'none',
  })
  const strip = (html: string, email: string) =>
    html.replace(/nonce(="|-)[^"']+/g, '').replaceAll(email, 'E')

  it('answers a taken and a free address alike, mails the owner, and the newcomer their link', async () => {
    const owner = await createUser({ name: 'Olle Ägare' })
    const fresh = `ny-${Date.now()}@example.se`
    const taken = await server.client().post('/register', form(owner.email.toUpperCase()))
    const free = await server.client().post('/register', form(fresh))
    expect(taken.status).toBe(200)
    expect(free.status).toBe(200)
    expect(taken.headers.get('set-cookie')).toBeNull()
    expect(free.headers.get('set-cookie')).toBeNull()
    const [takenHtml, freeHtml] = [await taken.text(), await free.text()]
    expect(strip(takenHtml, owner.email)).toBe(strip(freeHtml, fresh))

    // The owner hears of it, with a way in; their account is as it was.
    const [told] = await listOutbox({ to: owner.email, template: 'accountExists' })
    expect(told?.subject).toBe('Någon försökte skapa ett konto med din adress')
    expect(told?.text_body).toContain('Hej Olle Ägare!')
    expect(told?.text_body).toContain('http://localhost:3000/login')
    expect(told?.text_body).toContain('http://localhost:3000/forgot-password')
    expect(await listOutbox({ to: owner.email, template: 'welcome' })).toEqual([])
    await server.client().login(owner.email, owner.password)

    // The newcomer gets the confirmation link, and the owner's address no second account.
    const [welcome] = await listOutbox({ to: fresh, template: 'welcome' })
    expect(welcome?.text_body).toMatch(/\/confirm-email\/[A-Za-z0-9_-]{43}/)
    const accounts = await db
      .selectFrom('users')
      .select('id')
      .where('email', 'in', [owner.email, fresh])
      .execute()
    expect(accounts).toHaveLength(2)
  })

  it('an organisation named at sign-up exists for nobody until the address is confirmed', async () => {
    const taken = await createUser()
    const fresh = `ny-org-${Date.now()}@example.se`
    const register = (email: string, organisationName: string) =>
      server.client().post('/register', {
        ...form(email),
        represent: 'new',
        organisationName,
        organisationKind: 'business',
      })
    expect((await register(taken.email, 'Sond Tagen 8f3a')).status).toBe(200)
    expect((await register(fresh, 'Sond Fri 8f3a')).status).toBe(200)

    const anonymous = server.client()
    const directory = async () => (await anonymous.get('/organisations?q=Sond')).text()
    expect((await anonymous.get('/organisations/sond-tagen-8f3a')).status).toBe(404)
    expect((await anonymous.get('/organisations/sond-fri-8f3a')).status).toBe(404)
    const before = await directory()
    expect(before).not.toContain('Sond Fri 8f3a')
    expect(before).not.toContain('Sond Tagen 8f3a')
    expect(await (await anonymous.get('/register')).text()).not.toContain('Sond Fri 8f3a')
    // Nothing was made that a later sign-up could bump into (its slug, its id).
    expect(
      await db.selectFrom('organisations').select('id').where('name', 'like', 'Sond %').execute(),
    ).toEqual([])

    // The newcomer confirms: their business appears, with the slug its name gives.
    await server.client().post(await welcomeLinkFor(fresh), {})
    expect((await anonymous.get('/organisations/sond-fri-8f3a')).status).toBe(200)
    expect(await directory()).toContain('Sond Fri 8f3a')
    expect((await anonymous.get('/organisations/sond-tagen-8f3a')).status).toBe(404)
  })

  it('a request to join reaches the owners only once the address is confirmed', async () => {
    const owner = await createUser({ name: 'Åsa Ägare' })
    const org = await createOrganisation({
      kind: 'association',
      name: 'Föreningen Ljuset',
      ownerId: owner.id,
    })
    const taken = await createUser()
    const fresh = `ny-join-${Date.now()}@example.se`
    const ask = (email: string, name: string) =>
      server.client().post('/register', {
        ...form(email),
        name,
        represent: 'join',
        organisationId: String(org.id),
      })
    expect((await ask(taken.email, 'Tage Tagen')).status).toBe(200)
    expect((await ask(fresh, 'Frida Fri')).status).toBe(200)

    const ownerClient = server.client()
    await ownerClient.login(owner.email, owner.password)
    const profile = async () => (await ownerClient.get(`/organisations/${org.slug}`)).text()
    expect(await listOutbox({ to: owner.email, template: 'joinRequest' })).toEqual([])
    const before = await profile()
    expect(before).not.toContain('Frida Fri')
    expect(before).not.toContain('Tage Tagen')

    await server.client().post(await welcomeLinkFor(fresh), {})
    const mails = await listOutbox({ to: owner.email, template: 'joinRequest' })
    expect(mails.map((m) => m.subject)).toEqual(['Frida Fri vill gå med i Föreningen Ljuset'])
    const after = await profile()
    expect(after).toContain('Frida Fri')
    expect(after).not.toContain('Tage Tagen')
  })

  it('a password reset that confirms the address also makes the organisation asked for', async () => {
    const email = `ny-reset-${Date.now()}@example.se`
    await server.client().post('/register', {
      ...form(email),
      represent: 'new',
      organisationName: 'Sond Återställd',
      organisationKind: 'association',
    })
    await server.client().post('/forgot-password', { email })
    await server.client().post(await resetLinkFor(email), {
      password: 'ett helt nytt lösenord',
      confirm: 'ett helt nytt lösenord',
    })
    expect((await server.client().get('/organisations/sond-aterstalld')).status).toBe(200)
  })

  it('writes the owner in their own language', async () => {
    const owner = await createUser()
    await db.updateTable('users').set({ locale: 'en' }).where('id', '=', owner.id).execute()
    await server.client().post('/register', form(owner.email))
    const [told] = await listOutbox({ to: owner.email, template: 'accountExists' })
    expect(told?.subject).toBe('Someone tried to create an account with your address')
  })

  it('the right password of an unconfirmed account answers like a wrong one, and mails a new link', async () => {
    const user = await createUser({ confirmed: false })
    const right = await server
      .client()
      .post('/login', { email: user.email, password: user.password })
    const wrong = await server
      .client()
      .post('/login', { email: user.email, password: 'inte rätt alls' })
    expect(right.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(strip(await right.text(), user.email)).toBe(strip(await wrong.text(), user.email))
    const [mail] = await listOutbox({ to: user.email, template: 'confirmEmail' })
    expect(mail?.text_body).toMatch(/\/confirm-email\/[A-Za-z0-9_-]{43}/)
  })

  it('a password reset through the mailed link confirms the address', async () => {
    const user = await createUser({ confirmed: false })
    await server.client().post('/forgot-password', { email: user.email })
    const link = await resetLinkFor(user.email)
    const done = await server
      .client()
      .post(link, { password: 'ett helt nytt lösenord', confirm: 'ett helt nytt lösenord' })
    expect(done.status).toBe(302)
    await server.client().login(user.email, 'ett helt nytt lösenord')
  })
})

describe('login and sessions', () => {
  it('issues a new, HttpOnly SameSite=Lax session id at login', async () => {
    const user = await createUser()
    const client = server.client()
    client.cookies.set('utmana_session', 'planted-by-an-attacker')
    const response = await client.login(user.email, user.password)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('utmana_session='))!
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(sessionCookie(client)).not.toBe('planted-by-an-attacker')
    // A second login gives a different id.
    const first = sessionCookie(client)
    await client.login(user.email, user.password)
    expect(sessionCookie(client)).not.toBe(first)
  })

  it('gives an unknown email and a wrong password the same answer', async () => {
    const user = await createUser()
    const unknown = await server
      .client()
      .post('/login', { email: 'nobody@example.se', password: 'whatever123' })
    const wrong = await server
      .client()
      .post('/login', { email: user.email, password: 'whatever123' })
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    const strip = (html: string) =>
      html
        .replace(/nonce(="|-)[^"']+/g, '')
        .replaceAll(user.email, 'E')
        .replaceAll('nobody@example.se', 'E')
    expect(strip(await unknown.text())).toBe(strip(await wrong.text()))
  })

  it('sends only local redirects after login', async () => {
    const user = await createUser()
    for (const redirectTo of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '%2F%2Fevil.example',
      'javascript:alert(1)',
    ]) {
      const response = await server
        .client()
        .post('/login', { email: user.email, password: user.password, redirectTo })
      expect(response.headers.get('location')).toBe('/')
    }
  })

  it('marks signed-in pages no-store', async () => {
    const user = await createUser()
    const client = server.client()
    await client.login(user.email, user.password)
    for (const pathname of ['/me', '/', '/about']) {
      expect((await client.get(pathname)).headers.get('cache-control')).toContain('no-store')
    }
  })

  it('makes an old cookie anonymous after logout', async () => {
    const user = await createUser()
    const client = server.client()
    await client.login(user.email, user.password)
    const stolen = sessionCookie(client)!
    await client.post('/logout', {})
    const replay = await fetch(server.origin + '/me', {
      headers: { Cookie: `utmana_session=${stolen}` },
      redirect: 'manual',
    })
    expect(replay.status).toBe(302)
    expect(replay.headers.get('location')).toContain('/login')
  })

  it('ignores a tampered cookie', async () => {
    const user = await createUser()
    const client = server.client()
    await client.login(user.email, user.password)
    const tampered = sessionCookie(client)!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const response = await fetch(server.origin + '/me', {
      headers: { Cookie: `utmana_session=${tampered}` },
      redirect: 'manual',
    })
    expect(response.status).toBe(302)
  })

  it('"log out everywhere" ends the sessions on other devices', async () => {
    const user = await createUser()
    const laptop = server.client()
    const phone = server.client()
    await laptop.login(user.email, user.password)
    await phone.login(user.email, user.password)
    expect(await countUserSessions(user.id)).toBe(2)
    expect((await phone.get('/me')).status).toBe(200)

    const response = await laptop.post('/me', { intent: 'logout-everywhere' })
    expect(response.headers.get('location')).toBe('/login?notice=loggedOutEverywhere')
    expect(await countUserSessions(user.id)).toBe(0)
    expect((await phone.get('/me')).status).toBe(302)
    expect((await laptop.get('/me')).status).toBe(302)
  })

  it('signs a banned user out at once and refuses their login until the ban ends', async () => {
    const user = await createUser()
    const client = server.client()
    await client.login(user.email, user.password)
    const until = new Date(Date.now() + 86_400_000).toISOString()
    await db.updateTable('users').set({ banned_until: until }).where('id', '=', user.id).execute()
    expect((await client.get('/me')).status).toBe(302)
    const refused = await server
      .client()
      .post('/login', { email: user.email, password: user.password })
    expect(refused.status).toBe(401)
    expect(await refused.text()).toContain('Kontot är avstängt till')

    await db.updateTable('users').set({ banned_until: null }).where('id', '=', user.id).execute()
    expect(
      (await server.client().post('/login', { email: user.email, password: user.password })).status,
    ).toBe(302)
  })

  it('answers rapid wrong logins with 429, Retry-After and a readable page', async () => {
    const user = await createUser()
    const client = server.client()
    for (let i = 0; i < 10; i++) {
      const response = await client.post('/login', {
        email: user.email,
        password: `wrong-password-${i}`,
      })
      expect(response.status).toBe(401)
    }
    const blocked = await client.post('/login', { email: user.email, password: user.password })
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    const html = await blocked.text()
    expect(html).toContain('För många inloggningsförsök har kommit från ditt nätverk')
    expect(html).toMatch(/Försök igen om \d+ minuter?./)
    // Even the right password waits: that is the point.
    expect(sessionCookie(client)).toBeUndefined()
  })
})

describe('password reset', () => {
  it('never reveals whether an account exists', async () => {
    const user = await createUser()
    const known = await server.client().post('/forgot-password', { email: user.email })
    const unknown = await server
      .client()
      .post('/forgot-password', { email: 'nobody-here@example.se' })
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(200)
    const strip = (html: string) =>
      html
        .replace(/nonce(="|-)[^"']+/g, '')
        .replaceAll(user.email, 'E')
        .replaceAll('nobody-here@example.se', 'E')
    expect(strip(await known.text())).toBe(strip(await unknown.text()))
    expect(await listOutbox({ to: 'nobody-here@example.se' })).toEqual([])
  })

  it('resets with the emailed token once, ends every session, and the old password stops working', async () => {
    const user = await createUser()
    const other = server.client()
    await other.login(user.email, user.password)
    await server.client().post('/forgot-password', { email: user.email })
    const link = await resetLinkFor(user.email)

    const client = server.client()
    const page = await client.get(link)
    expect(page.status).toBe(200)
    // The token is in the URL: it must not leak through Referer. Browsers apply the last
    // policy listed, and the page's own comes after the site-wide one.
    expect(page.headers.get('referrer-policy')?.split(',').at(-1)?.trim()).toBe('same-origin')
    const done = await client.post(link, {
      password: 'ett helt nytt lösenord',
      confirm: 'ett helt nytt lösenord',
    })
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe('/login?notice=passwordReset')

    expect((await other.get('/me')).status).toBe(302)
    expect(
      (await server.client().post('/login', { email: user.email, password: user.password })).status,
    ).toBe(401)
    expect(
      (
        await server
          .client()
          .post('/login', { email: user.email, password: 'ett helt nytt lösenord' })
      ).status,
    ).toBe(302)

    // The same link a second time does nothing.
    expect((await client.get(link)).status).toBe(410)
    const again = await client.post(link, {
      password: 'ett tredje lösenord',
      confirm: 'ett tredje lösenord',
    })
    expect(again.status).toBe(410)
    expect(
      (await server.client().post('/login', { email: user.email, password: 'ett tredje lösenord' }))
        .status,
    ).toBe(401)
  })

  it('refuses an expired token', async () => {
    const user = await createUser()
    await server.client().post('/forgot-password', { email: user.email })
    const link = await resetLinkFor(user.email)
    await db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute()
    const page = await server.client().get(link)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('Länken fungerar inte')
    const post = await server
      .client()
      .post(link, { password: 'ett helt nytt lösenord', confirm: 'ett helt nytt lösenord' })
    expect(post.status).toBe(410)
  })

  it('keeps the form and explains when the new passwords differ', async () => {
    const user = await createUser()
    await server.client().post('/forgot-password', { email: user.email })
    const link = await resetLinkFor(user.email)
    const response = await server
      .client()
      .post(link, { password: 'ett helt nytt lösenord', confirm: 'något annat' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Lösenorden är inte lika.')
    // The token is still good after a mistake.
    expect((await server.client().get(link)).status).toBe(200)
  })
})

describe('changing the password', () => {
  it('needs the current password, ends other sessions and keeps this device signed in', async () => {
    const user = await createUser()
    const laptop = server.client()
    const phone = server.client()
    await laptop.login(user.email, user.password)
    await phone.login(user.email, user.password)

    const wrong = await laptop.post('/me', {
      intent: 'change-password',
      current: 'not my password',
      password: 'ett nytt fint lösenord',
      confirm: 'ett nytt fint lösenord',
    })
    expect(wrong.status).toBe(400)
    expect(await wrong.text()).toContain('Lösenordet stämmer inte.')

    const before = laptop.cookies.get('utmana_session')
    const changed = await laptop.post('/me', {
      intent: 'change-password',
      current: user.password,
      password: 'ett nytt fint lösenord',
      confirm: 'ett nytt fint lösenord',
    })
    expect(changed.status).toBe(302)
    expect(changed.headers.get('location')).toBe('/me?notice=passwordChanged')
    expect(laptop.cookies.get('utmana_session')).not.toBe(before)
    expect((await laptop.get('/me')).status).toBe(200)
    expect((await phone.get('/me')).status).toBe(302)
    expect(await countUserSessions(user.id)).toBe(1)
  })
})

// Issue 10, item 11 (review): a confirmation link is not a way to switch someone's session.
describe("someone else's confirmation link", () => {
  async function confirmLinkFor(user: { id: number; email: string }) {
    await sendConfirmationMail({ userId: user.id, siteUrl: 'http://localhost:3000', locale: 'sv' })
    const [mail] = await listOutbox({ to: user.email, template: 'confirmEmail' })
    return /\/confirm-email\/[A-Za-z0-9_-]+/.exec(mail?.text_body ?? '')![0]
  }
  const isConfirmed = async (id: number) =>
    Boolean(
      (
        await db
          .selectFrom('users')
          .select('email_verified_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).email_verified_at,
    )

  it('confirms the address but leaves a signed-in member signed in as themselves', async () => {
    const { user: member, client } = await server.signedIn({ name: 'Maja Medlem' })
    const other = await createUser({ confirmed: false, name: 'Otto Annan' })
    const link = await confirmLinkFor(other)
    const before = sessionCookie(client)

    const response = await client.post(link, {})
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()).toEqual([])
    const html = await response.text()
    expect(html).toContain('Tack! Din e-postadress är bekräftad.')
    expect(html).toContain('Du är fortfarande inloggad som Maja Medlem')
    expect(html).not.toContain('Du är inloggad.')
    expect(sessionCookie(client)).toBe(before)
    const me = await client.get('/me')
    expect(me.status).toBe(200)
    const meHtml = await me.text()
    expect(meHtml).toContain(member.email)
    expect(meHtml).not.toContain(other.email)
    expect(await isConfirmed(other.id)).toBe(true)

    // In English too.
    const third = await createUser({ confirmed: false })
    const english = await client.post(await confirmLinkFor(third), {}, { 'Accept-Language': 'en' })
    expect(await english.text()).toContain('You are still signed in as Maja Medlem')
  })

  it('signs a visitor in, as before', async () => {
    const other = await createUser({ confirmed: false })
    const visitor = server.client()
    const response = await visitor.post(await confirmLinkFor(other), {})
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Du är inloggad.')
    const me = await visitor.get('/me')
    expect(me.status).toBe(200)
    expect(await me.text()).toContain(other.email)
  })
})
