import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      '.cache/**',
      'node_modules/**',
      'data/**',
      // The benchmark's framework floor, built by `npm run bench`.
      'bench/floor/build/**',
      'bench/floor/public/build/**',
      'bench/floor/.cache/**',
      'bench/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['db/**', 'bench/**', 'scripts/**', 'server/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Migrations are frozen in time and typed against no particular schema (Kysely's advice).
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
