/**
 * Jest: `unit` (pure logic) and `integration` (a real, freshly migrated database per test file;
 * SQLite by default, PostgreSQL when TEST_DATABASE_ADMIN_URL is set: see tests/setup/).
 * TypeScript and ESM are compiled by SWC to CommonJS, including the ESM-only packages otplib 13
 * pulls in and the ESM Prisma clients generated into lib/generated/.
 * The HTTP suites (attack, multi-instance) have their own config, jest.http.config.mjs, on these settings.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

export const common = {
  testEnvironment: 'node',
  // The benchmark's peers are apps of their own, with their own node_modules and builds.
  modulePathIgnorePatterns: ['<rootDir>/bench/peers/'],
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
  // node_modules is not compiled, except ESM-only packages (else "Must use import to load ES Module"):
  // otplib's, and next-intl's (translations in actions, pages and e-mails; the ICU parser the catalogue tests use).
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble|@otplib|otplib|next-intl|use-intl|intl-messageformat|@formatjs|icu-minify|@schummar)/)'],
  moduleNameMapper: {
    // The generated clients load Prisma's query compiler (2.5 MB of WASM as base64) with import():
    // use the CommonJS build Prisma ships beside it rather than compiling it for every test file.
    '^@prisma/client/runtime/(query_compiler_bg\\..+)\\.mjs$': '<rootDir>/node_modules/@prisma/client/runtime/$1.js',
    '^server-only$': '<rootDir>/tests/helpers/server-only.ts',
    // Pages are called as functions in the route-guard tests; their stylesheets do not matter there.
    '\\.css$': '<rootDir>/tests/helpers/server-only.ts',
    '^next/font/local$': '<rootDir>/tests/helpers/next-font-stub.ts',
    '^@/(.*)$': '<rootDir>/$1',
  },
};

export default {
  // Integration tests use real databases and real cost-12 bcrypt (an unknown address is compared
  // against a cost-12 hash, S5): one test may take several seconds on a busy 2-core CI machine.
  // (A project's own testTimeout is not applied: it has to be set here.)
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'],
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/setup/fresh-database.ts', '<rootDir>/tests/setup/test-secrets.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/disconnect-database.ts'],
    },
  ],
};
