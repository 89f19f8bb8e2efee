import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { memberships, organisations } from '../../db/seed/demo-data'
import { launchBrowser } from './browser'
import { DEMO, startServer, type ServerOptions, type TestServer } from './server'

/**
 * A fresh demo town and Chromium for one test file, stopped after it. `ready` gets both once
 * they run (a test file keeps them in its own variables).
 */
export function serverAndBrowserForFile(
  ready: (server: TestServer, browser: Browser) => void,
  /** Options for the server, asked for when it starts (after earlier beforeAll hooks ran). */
  options: () => ServerOptions = () => ({}),
) {
  let server: TestServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    // One after the other, so afterAll can stop whatever did start.
    server = await startServer(options())
    browser = await launchBrowser()
    ready(server, browser)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
}

/** The owner of a demo business organisation (not the demo resident), and that business. */
export function demoBusinessOwner() {
  const owner = memberships.find(
    (m) =>
      m.role === 'owner' &&
      m.email !== DEMO.resident.email &&
      organisations.find((o) => o.slug === m.organisationSlug)?.kind === 'business',
  )!
  return {
    email: owner.email,
    organisation: organisations.find((o) => o.slug === owner.organisationSlug)!,
  }
}
