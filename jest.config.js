/** Unit tests run pure modules only; integration tests boot a real Strapi per file. */
// dist/ holds the compiled app, including a copy of the local plugin's package.json.
const modulePathIgnorePatterns = ['<rootDir>/dist/'];

const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

module.exports = {
  // Each integration file boots its own Strapi (~300 MB): one at a time on a 2-core machine.
  maxWorkers: 1,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
      modulePathIgnorePatterns,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform,
      modulePathIgnorePatterns,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeouts.ts'],
    },
  ],
};
