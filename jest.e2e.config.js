/** The admin panel in headless Chromium against a built, running Newsdesk: `npm run test:e2e` (after `npm run build`). */
module.exports = {
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testEnvironment: 'node',
  maxWorkers: 1,
  testTimeout: 240_000,
};
