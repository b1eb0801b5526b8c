import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PLUGIN_INTERNALS = {
  group: ['**/plugins/*/server/**'],
  message: "The app does not reach into a plugin's server: use what the plugin registers with Strapi, or put a shared helper in src/lib/.",
};
const INTO_FORMATS = {
  group: ['**/formats', '**/formats/*'],
  message: 'The importer does not import the output formats: a helper both need belongs in src/lib/.',
};
const INTO_IMPORTER = {
  group: ['**/importer', '**/importer/*'],
  message: 'The output formats do not import the importer: a helper both need belongs in src/lib/.',
};

const SCORING_REACHES = {
  group: [
    '**/config',
    '**/config/*',
    '**/settings',
    '**/reindex/*',
    '**/shared/contracts/*',
    '**/content-types',
    'node:worker_threads',
    'worker_threads',
    'node:fs',
    'fs',
  ],
  message: 'Scoring ranks plain data: settings, wire contracts, content types, threads and files stay above it.',
};
const WORKER_REACHES = {
  group: ['@strapi/*', 'knex', '**/config', '**/config/*', '**/settings', '**/services/*', '**/repositories', '**/repositories/*'],
  message: 'Reindex workers take plain data from reindex-all.ts: no Strapi, settings, services or repositories.',
};
const UPWARD_FROM_REPOSITORIES = {
  group: ['**/services/*', '**/controllers', '**/controllers/*', '**/reindex/*', '**/shared/contracts/*'],
  message: 'Repositories store and read: they do not call services, controllers or the reindex, nor speak the wire contracts.',
};
const PAST_THE_SERVICES = {
  group: ['**/repositories', '**/repositories/*', '**/scoring/*', '**/reindex/*'],
  message: 'Controllers and resolvers go through the services.',
};
const INTO_PLUGIN_SERVER = {
  group: ['**/server/**', '**/server/src/*'],
  message: "The plugin's admin and shared code do not import its server.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'build/',
      '.tmp/',
      '.cache/',
      '.strapi/',
      'types/generated/',
      'coverage/',
      'test-output/',
      'bench/.work/',
    ],
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
    files: ['src/plugins/read-also/server/src/scoring/**/*.ts', 'src/importer/**/*.ts', 'src/formats/**/*.ts', 'src/lib/**/*.ts'],
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
            {
              group: ['@strapi/*', 'koa', 'knex'],
              message: 'Pure modules take plain data: keep Strapi, Koa and knex at the service edge.',
            },
            {
              group: ['**/services/*', '**/controllers/*', '**/repositories/*'],
              message: 'Pure modules do not reach into services, controllers or repositories.',
            },
          ],
        },
      ],
    },
  },
  // Boundaries between the app's parts. They use typescript-eslint's copy of the rule so that the
  // pure-core list above and these lists apply together (ESLint keeps one option list per rule).
  {
    // The app does not reach into a plugin's internals (its shared constants and contracts are public).
    files: ['src/**/*.ts'],
    ignores: ['src/plugins/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PLUGIN_INTERNALS] }] },
  },
  {
    // The importer reads stories in, the formats write articles out: neither imports the other.
    files: ['src/importer/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PLUGIN_INTERNALS, INTO_FORMATS] }] },
  },
  {
    files: ['src/formats/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PLUGIN_INTERNALS, INTO_IMPORTER] }] },
  },
  // Inside the read-also plugin, each layer imports only the layers below it.
  {
    // Scoring is ranking only: no settings, no wire contracts, no threads or files.
    files: ['src/plugins/read-also/server/src/scoring/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SCORING_REACHES] }] },
  },
  {
    files: ['src/plugins/read-also/server/src/reindex/reindex-worker.ts', 'src/plugins/read-also/server/src/reindex/reindex-workers.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [WORKER_REACHES] }] },
  },
  {
    files: ['src/plugins/read-also/server/src/repositories/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [UPWARD_FROM_REPOSITORIES] }] },
  },
  {
    files: ['src/plugins/read-also/server/src/controllers/**/*.ts', 'src/plugins/read-also/server/src/graphql.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [PAST_THE_SERVICES] }] },
  },
  {
    files: ['src/plugins/read-also/shared/**/*.ts', 'src/plugins/read-also/admin/src/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [INTO_PLUGIN_SERVER] }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
