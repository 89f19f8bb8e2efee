// An admin edits a reply template in a real browser, with and without JavaScript (issue 10,
// item 13). Each template's form and name field must own their ids: when the list item and its
// heading reused them, the browser bound the fields (form="…") to the <li> instead of the form,
// so "Save" sent no name and no text and nothing could be edited.
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectVisible, newContext, signInWithForm } from './browser'
import { DEMO, type TestServer } from './server'
import { serverAndBrowserForFile } from './suite'
import { readRow } from './demo-db'

let server: TestServer
let browser: Browser
serverAndBrowserForFile((s, b) => {
  server = s
  browser = b
})

type Template = { id: number; name: string; body_sv: string; body_en: string }

function template(offset: number): Template {
  return readRow<Template>(
    server,
    'select id, name, body_sv, body_en from reply_templates where archived_at is null order by id limit 1 offset ?',
    offset,
  )!
}

function templateById(id: number): Template {
  return readRow<Template>(
    server,
    'select id, name, body_sv, body_en from reply_templates where id = ?',
    id,
  )!
}

describe.each([
  { js: false, offset: 0 },
  { js: true, offset: 1 },
])('admin edits a reply template (JavaScript: $js)', ({ js, offset }) => {
  it('changes its name and Swedish text with the Save button and sees them in the list', async () => {
    const before = template(offset)
    const context = await newContext(browser, server.url, { js })
    try {
      const page = await context.newPage()
      await signInWithForm(page, js, DEMO.admin, '/admin/templates')

      const item = page
        .locator('li')
        .filter({ has: page.getByRole('heading', { level: 3, name: before.name, exact: true }) })
      await item.locator('summary').click()
      const name = `${before.name} (ändrad)`
      const bodySv = `${before.body_sv} Ändrad i webbläsaren.`
      await item.getByLabel('Namn', { exact: true }).fill(name)
      await item.getByLabel('Text på svenska').fill(bodySv)
      await item.getByRole('button', { name: 'Spara mallen' }).click()

      await expectVisible(page.getByText('Mallen är sparad.'), 'the notice "Mallen är sparad."')
      await expectVisible(
        page.getByRole('heading', { level: 3, name, exact: true }),
        `the renamed template "${name}"`,
      )
      expect(templateById(before.id)).toEqual({ ...before, name, body_sv: bodySv })
    } finally {
      await context.close()
    }
  })
})
