/**
 * Global setup and teardown of the HTTP suites (jest.http.config.mjs), once per run and suite:
 * PostgreSQL, a migrated and seeded database with extra users, the build (E2E_SKIP_BUILD=1
 * reuses .next) and two `next start` instances, A and B. Their URLs and users reach the test
 * files through an environment variable (the tests run in this process, or in workers started
 * after it). Everything is stopped in the teardown, also when a setup step fails, on Ctrl-C, and
 * after a deadline if the run hangs.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bound, cleanup, onCleanup, prepare, startInstance, stopListedInstances } from './harness';
import { stateVariable, type SuiteLabel, type SuiteState } from './suite';
import type { ExtraUserKind } from './extra-users';

/** Long enough for a build and a full run on a busy 2-core machine; a run past it has hung. */
const RUN_DEADLINE_MS = 30 * 60 * 1000;

// Kept on the process's global object: Jest loads the setup and teardown modules separately,
// and only a shared object is sure to reach from one to the other.
const stops = ((globalThis as { __stopHttpSuites?: Set<() => Promise<void>> }).__stopHttpSuites ??= new Set());

export async function startSuite(label: SuiteLabel, extraUsers: Partial<Record<ExtraUserKind, number>>): Promise<void> {
  bound(RUN_DEADLINE_MS);
  stops.add(cleanup);
  try {
    console.log(`\n${label} suite:`);
    const dataDir = path.join(process.cwd(), 'data');
    mkdirSync(dataDir, { recursive: true });
    // Instances that test files start for themselves are listed here, to be stopped on Ctrl-C too.
    process.env.HTTP_SUITE_PIDS ??= path.join(dataDir, `http-suite-pids-${process.pid}`);
    const pidsFile = process.env.HTTP_SUITE_PIDS;
    onCleanup(() => stopListedInstances(pidsFile));
    const claimsDir = path.join(dataDir, `${label}-claims-${process.pid}`);
    rmSync(claimsDir, { recursive: true, force: true });
    mkdirSync(claimsDir);
    onCleanup(() => rmSync(claimsDir, { recursive: true, force: true }));
    // The observations reporter's file, left by an interrupted run (a finished one has read and
    // removed it before the teardown: Jest reports the run, then tears down).
    onCleanup(() => rmSync(process.env.HTTP_SUITE_OBSERVATIONS ?? '', { force: true }));

    const prepared = await prepare(label, extraUsers);
    const [A, B] = await Promise.all([startInstance('A', prepared.serverEnv), startInstance('B', prepared.serverEnv)]);
    const state: SuiteState = {
      label,
      a: A.baseUrl,
      b: B.baseUrl,
      adminUrl: prepared.adminUrl,
      databaseUrl: prepared.databaseUrl,
      template: prepared.template,
      serverEnv: prepared.serverEnv,
      users: prepared.users,
      extra: prepared.extra,
      claimsDir,
    };
    process.env[stateVariable(label)] = JSON.stringify(state);
  } catch (error) {
    // Jest runs no teardown after a failed setup.
    await cleanup();
    throw error;
  }
}

/** The teardown of every suite of the run. */
export async function stopSuites(): Promise<void> {
  for (const stop of stops) await stop();
}
