import { defineConfig } from 'vitest/config'
import base from './vitest.config'

// `npm run test:pg`: the integration and HTTP suites against PostgreSQL. Each test file gets a
// database of its own, copied from a migrated template (tests/helpers/pg-global.ts).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/{integration,http}/**/*.test.ts'],
    // Every query is a round trip to another process here; a loaded CI machine needs the room.
    testTimeout: 60_000,
    globalSetup: ['tests/helpers/pg-global.ts'],
    env: { UTMANA_TEST_DIALECT: 'postgres' },
  },
})
