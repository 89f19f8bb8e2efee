// A new resident's whole account life, in Swedish, with and without JavaScript:
// register → signed in → sign out → sign in → sign out → forgot password → reset link from the
// outbox → new password → old password refused → new password works → /me shows their email.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectPath, expectVisible, newContext, open, ready, uniqueEmail } from './browser'
import type { TestServer } from './server'
import { serverAndBrowserForFile } from './suite'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

const OLD_PASSWORD = 'blå cykel över bron'
const NEW_PASSWORD = 'grön båt under bron'

function accountNav(page: Page) {
  return page.getByRole('navigation', { name: 'Konto' })
}

async function expectSignedIn(page: Page) {
  await expectVisible(
    accountNav(page).getByRole('link', { name: 'Mitt konto' }),
    'the header link "Mitt konto"',
  )
  await expectVisible(
    accountNav(page).getByRole('button', { name: 'Logga ut' }),
    'the header button "Logga ut"',
  )
  expect(await accountNav(page).getByRole('link', { name: 'Logga in' }).count()).toBe(0)
}

async function expectSignedOut(page: Page) {
  await expectVisible(
    accountNav(page).getByRole('link', { name: 'Logga in' }),
    'the header link "Logga in"',
  )
  expect(await accountNav(page).getByRole('link', { name: 'Mitt konto' }).count()).toBe(0)
  expect(await accountNav(page).getByRole('button', { name: 'Logga ut' }).count()).toBe(0)
}

async function signOut(page: Page, js: boolean) {
  await accountNav(page).getByRole('button', { name: 'Logga ut' }).click()
  await expectPath(page, '/')
  await ready(page, js)
  await expectSignedOut(page)
}

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await page.locator('main').getByRole('button', { name: 'Logga in' }).click()
}

describe.each([
  { js: true, mode: 'JavaScript on' },
  { js: false, mode: 'JavaScript off' },
])('account flow with $mode', ({ js }) => {
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    context = await newContext(browser, server.url, { js })
    page = await context.newPage()
  })

  afterAll(async () => {
    await context?.close()
  })

  it('registers, signs out and in, resets the password and signs in with the new one', async () => {
    const email = uniqueEmail(js ? 'flow-js' : 'flow-nojs')
    const name = js ? 'Test Testsson' : 'Nojs Testsson'

    // Register.
    await open(page, '/register', js)
    await page.getByLabel('Namn', { exact: true }).fill(name)
    await page.getByLabel('E-postadress').fill(email)
    await page.getByLabel('Lösenord', { exact: true }).fill(OLD_PASSWORD)
    const justMe = page.getByRole('radio', { name: 'Bara mig själv' })
    expect(await justMe.isChecked(), '"Bara mig själv" is the default choice').toBe(true)
    await page.locator('main').getByRole('button', { name: 'Skapa konto' }).click()

    // Told to look in the mail, not signed in: the answer is the same for a taken address
    // (issue 10, item 11).
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Titta i din e-post' }),
      'the "Titta i din e-post" heading',
    )
    await expectSignedOut(page)

    // The link in the welcome mail confirms the address and signs in.
    const confirmResponse = await page.goto(server.confirmLinkFor(email))
    expect(confirmResponse?.status()).toBe(200)
    await ready(page, js)
    await page.locator('main').getByRole('button', { name: 'Bekräfta' }).click()
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Du är inloggad.' }),
      'the "Du är inloggad." notice',
    )
    await page.locator('main').getByRole('link', { name: 'Till mitt konto' }).click()
    await expectPath(page, '/me')
    await ready(page, js)
    await expectSignedIn(page)
    await expectVisible(page.locator('main').getByText(email), `the new email ${email} on /me`)

    // Sign out, sign in, sign out.
    await signOut(page, js)
    await accountNav(page).getByRole('link', { name: 'Logga in' }).click()
    await expectPath(page, '/login')
    await ready(page, js)
    await fillLogin(page, email, OLD_PASSWORD)
    await expectPath(page, '/')
    await ready(page, js)
    await expectSignedIn(page)
    await signOut(page, js)

    // Forgot password: the answer is neutral.
    await open(page, '/login', js)
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click()
    await expectPath(page, '/forgot-password')
    await ready(page, js)
    await page.getByLabel('E-postadress').fill(email)
    await page.getByRole('button', { name: 'Skicka länk' }).click()
    await expectVisible(
      page.getByRole('status').filter({ hasText: `Om det finns ett konto för ${email}` }),
      'the neutral "Om det finns ett konto…" message',
    )

    // The link from the mail.
    const link = server.resetLinkFor(email)
    const resetResponse = await page.goto(link)
    expect(resetResponse?.status()).toBe(200)
    await ready(page, js)
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' }),
      'the reset page heading',
    )
    await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD)
    await page.getByLabel('Upprepa lösenordet').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Spara lösenordet' }).click()

    // Sent to /login with the notice.
    await expectPath(page, '/login?notice=passwordReset')
    await ready(page, js)
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Ditt lösenord är bytt' }),
      'the "Ditt lösenord är bytt" notice',
    )

    // The old password is refused.
    await fillLogin(page, email, OLD_PASSWORD)
    await expectVisible(
      page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord.' }),
      'the login error',
    )
    expect(new URL(page.url()).pathname).toBe('/login')
    await expectSignedOut(page)

    // The new one works.
    await fillLogin(page, email, NEW_PASSWORD)
    await expectPath(page, /^\/(\?.*)?$/)
    await ready(page, js)
    await expectSignedIn(page)
    await accountNav(page).getByRole('link', { name: 'Mitt konto' }).click()
    await expectPath(page, '/me')
    await ready(page, js)
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Mitt konto' }),
      'the /me heading',
    )
    await expectVisible(page.locator('main').getByText(email, { exact: true }), `${email} on /me`)

    // The reset link works once.
    const reused = await page.goto(link)
    expect(reused?.status()).toBe(410)
    await expectVisible(
      page.getByRole('heading', { level: 1, name: 'Länken fungerar inte' }),
      'the "link does not work" page',
    )
  })

  it('keeps name and email and explains a 7-character password under the password field', async () => {
    await context.clearCookies()
    const email = uniqueEmail('short')
    await open(page, '/register', js)
    await page.getByLabel('Namn', { exact: true }).fill('Kort Lösen')
    await page.getByLabel('E-postadress').fill(email)
    const password = page.getByLabel('Lösenord', { exact: true })
    await password.fill('abc1234')

    const posted = js
      ? null
      : page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/register',
        )
    await page.locator('main').getByRole('button', { name: 'Skapa konto' }).click()
    if (posted) expect((await posted).status(), 'the server answers a bad form with 400').toBe(400)

    const message = 'Lösenordet måste ha minst 8 tecken.'
    const field = page.locator('.field').filter({ has: password })
    await expectVisible(field.getByText(message), `"${message}" in the password field`)
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await password.getAttribute('aria-describedby')) ?? ''
    const errorId = await field
      .locator('.field-errors')
      .filter({ hasText: message })
      .getAttribute('id')
    expect(errorId, 'the error list has an id').toBeTruthy()
    expect(describedBy.split(' '), 'the error is tied to the field (aria-describedby)').toContain(
      errorId,
    )

    expect(new URL(page.url()).pathname).toBe('/register')
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Kort Lösen')
    expect(await page.getByLabel('E-postadress').inputValue()).toBe(email)
    expect(await page.getByRole('radio', { name: 'Bara mig själv' }).isChecked()).toBe(true)
    await expectSignedOut(page)
  })
})
