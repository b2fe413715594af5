/**
 * What a test file of the HTTP suites (tests/attack, tests/multi) gets from the suite's global
 * setup (tests/http/suite-setup.ts): the two instances' URLs, the database (read with SQL, as an
 * operator would), the demo users, and users of its own. Tests run alone (`-t`) or in any order,
 * so a test never relies on what another one did: each claims fresh users for what it changes.
 */
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { seedUser, type ExtraUser, type SeedUser } from './harness';
import type { ExtraUserKind } from './extra-users';

export type SuiteLabel = 'attack' | 'multi';

export type SuiteState = {
  label: SuiteLabel;
  /** Base URLs of the two `next start` instances, A and B, on one database. */
  a: string;
  b: string;
  adminUrl: string;
  databaseUrl: string;
  /** The database as prepared, for a test file that needs a database of its own (copyDatabase). */
  template: string;
  serverEnv: Record<string, string>;
  users: SeedUser[];
  extra: ExtraUser[];
  /** One empty file per claimed user: claims hold across test files (and workers). */
  claimsDir: string;
};

/** The environment variable that carries a suite's state from its global setup to its test files. */
export const stateVariable = (label: SuiteLabel) => `HTTP_SUITE_${label.toUpperCase()}`;

export function useSuite(label: SuiteLabel) {
  const raw = process.env[stateVariable(label)];
  if (!raw) throw new Error(`The ${label} suite is not running: run this file with \`npm run test:${label} -- <file or -t name>\`.`);
  const state = JSON.parse(raw) as SuiteState;
  const sql = new pg.Pool({ connectionString: state.databaseUrl, max: 2 });
  // A test that cuts the database's connections cuts these too: the pool replaces them; without
  // a listener the idle connection's error would end the run.
  sql.on('error', () => {});
  afterAll(() => sql.end());
  const count = async (text: string, params: unknown[] = []) => Number((await sql.query(text, params)).rows[0].n);
  return {
    ...state,
    sql,
    /** The single number `n` a query selects. */
    count,
    auditCount: (where = 'true', params: unknown[] = []) => count(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE ${where}`, params),
    seedUser: (email: string) => seedUser(state.users, email),
    /** A user no other test has had: 2FA on unless the kind says otherwise. */
    claim: (kind: ExtraUserKind = 'user') => claimUser(state, kind),
  };
}

export type Suite = ReturnType<typeof useSuite>;

function claimUser(state: SuiteState, kind: ExtraUserKind): ExtraUser {
  for (const user of state.extra.filter((u) => u.kind === kind)) {
    try {
      closeSync(openSync(path.join(state.claimsDir, user.id), 'wx'));
      return user;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Every "${kind}" user of the ${state.label} suite is taken: raise their count in tests/${state.label}/global-setup.ts.`);
}
