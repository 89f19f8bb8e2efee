import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Browser tests: Playwright (playwright-core) drives Debian's Chromium against the real
// production server (started per test file by tests/browser/server.ts).
// Run with `npm run test:browser` (builds first) or `npx vitest run --config vitest.browser.config.ts`.
export default defineConfig({
  resolve: {
    alias: {
      '~': path.resolve('./app'),
      '#db': path.resolve('./db'),
    },
  },
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server + one browser per file; files run one after another.
    fileParallelism: false,
  },
})
