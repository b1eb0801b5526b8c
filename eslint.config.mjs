import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', '.tmp/', '.cache/', '.strapi/', 'types/generated/', 'coverage/', 'test-output/', 'bench/.work/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Route contracts follow Strapi's own shape: one declared namespace per route.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    // The pure core (parsing, attribution, scoring, query checks) imports nothing from Strapi or Koa:
    // it takes plain data and returns plain data, and is unit-tested without a server.
    files: [
      'src/plugins/read-also/server/src/scoring/**/*.ts',
      'src/importer/**/*.ts',
      'src/formats/**/*.ts',
      'src/lib/**/*.ts',
    ],
    ignores: [
      // The Strapi-facing edges of those folders: services, hooks and registrations.
      'src/importer/batch.ts',
      'src/importer/seed.ts',
      'src/importer/service.ts',
      'src/formats/load.ts',
      'src/lib/document-input.ts',
      'src/lib/published-relations.ts',
      'src/lib/query-guard.ts',
      'src/lib/query-shape-errors.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@strapi/*', 'koa', 'knex'], message: 'Pure modules take plain data: keep Strapi, Koa and knex at the service edge.' },
            { group: ['**/services/*', '**/controllers/*', '**/repositories/*'], message: 'Pure modules do not reach into services, controllers or repositories.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
