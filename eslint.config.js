// Lint rules, including the layering rule: dependencies point inward
// (core ← contract ← app ← {db, server, cli, web}).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'bin/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  layer(
    ['src/core/**'],
    [
      '**/contract/**',
      '**/app/**',
      '**/db/**',
      '**/server/**',
      '**/web/**',
      '**/cli/**',
      '**/config',
      'zod',
      'kysely',
      'fastify',
      'node:fs*',
      'node:net',
      'node:http*',
      'pg',
      'better-sqlite3',
    ],
    'core is pure: no I/O, no frameworks, no outer layers.',
  ),
  layer(
    ['src/contract/**'],
    ['**/app/**', '**/db/**', '**/server/**', '**/web/**', '**/cli/**', 'kysely', 'fastify'],
    'contract depends only on core and zod.',
  ),
  layer(
    ['src/app/**'],
    ['**/server/**', '**/web/**', '**/cli/**', 'fastify'],
    'app must not depend on adapters (server, web, cli).',
  ),
  layer(
    ['src/db/**'],
    ['**/server/**', '**/web/**', '**/cli/**', 'fastify'],
    'db is an adapter: it must not depend on server, web or cli.',
  ),
  layer(
    ['src/web/**'],
    ['**/server/**', '**/db/**', '**/cli/**', '**/app/**', 'kysely', 'fastify', 'node:*'],
    'web talks to the API only: import contract/core, never server, db or app.',
  ),
  layer(['src/server/**'], ['**/web/**', '**/cli/**'], 'server must not depend on web or cli.'),
);
