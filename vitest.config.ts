import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '~': path.resolve('app'),
      '#db': path.resolve('db'),
    },
  },
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['tests/{unit,integration,http,components}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/helpers/setup.ts'],
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
