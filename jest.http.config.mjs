/**
 * Jest for the black-box HTTP suites, against a production build on PostgreSQL:
 *   npm run test:attack   (project `attack`, tests/attack/*.test.ts) what an outsider tries, S1–S15
 *   npm run test:multi    (project `multi`, tests/multi/*.test.ts) two instances on one database, and faults
 * Each project's global setup starts one PostgreSQL, database, build and two `next start`
 * instances for all its files (tests/http/suite-setup.ts). Every check is a test of its own:
 * `npm run test:attack -- -t replay` runs the replay tests only, `npm run test:multi -- faults`
 * one file. (In package.json `--selectProjects` comes before `-c`: it takes a list, and would
 * swallow a file name given after it.) E2E_SKIP_BUILD=1 reuses .next.
 * `npm test` (jest.config.mjs) never picks these files up.
 */
import { common } from './jest.config.mjs';

const project = (name) => ({
  ...common,
  displayName: name,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  globalSetup: `<rootDir>/tests/${name}/global-setup.ts`,
  globalTeardown: '<rootDir>/tests/http/global-teardown.ts',
});

export default {
  // One test at a time: tests share two servers, several time a request or count audit rows
  // written meanwhile, and the machine has few cores. Several bcrypt-bound requests and sweeps of
  // hundreds of posts take minutes on a busy machine.
  maxWorkers: 1,
  testTimeout: 5 * 60_000,
  verbose: true,
  reporters: ['default', '<rootDir>/tests/http/observations-reporter.mjs'],
  projects: [project('attack'), project('multi')],
};
