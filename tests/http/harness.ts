/**
 * Server start and stop shared by the HTTP suites (tests/attack, tests/multi: their global setup
 * and the test files that need instances of their own): a throwaway PostgreSQL
 * (scripts/pg-server.sh, or the one already running, which is then left running), a fresh
 * database of our own, migrated and seeded with the demo users (their passwords and 2FA keys
 * read from the seed's output) and as many extra users as asked, a copy of it to start other
 * instances from, one production build, and `next start` instances on loopback ports.
 * `cleanup()` stops everything this process started, also when a test fails or the run is
 * interrupted, and a deadline ends a run that hangs. KEEP_SERVER_LOGS=1 writes each instance's
 * output to data/instance-<name>-<pid>.log, to see the server's side of a failed test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { E2E_DEMO_PASSWORD, E2E_ENV } from '../e2e/e2e-env';
import type { ExtraUserKind } from './extra-users';

export type SeedUser = { email: string; name: string; role: string; password: string; totpKey?: string };

/** A user made for the tests (tests/http/extra-users.ts), with its database id. */
export type ExtraUser = SeedUser & { id: string; kind: ExtraUserKind };

export type Instance = { name: string; baseUrl: string; port: number; child: ChildProcess; log: () => string };

const ROOT = process.cwd();
const cleanups: Array<() => unknown> = [];
let cleaningUp: Promise<void> | null = null;

export function onCleanup(step: () => unknown) {
  cleanups.unshift(step);
}

export function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    for (const step of cleanups) {
      try {
        await step();
      } catch (error) {
        console.error('cleanup:', error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaningUp;
}

/** Ends the run after `ms` whatever happens, and on Ctrl-C / SIGTERM, stopping what it started. */
export function bound(ms: number) {
  const timer = setTimeout(async () => {
    console.error(`\nThe run took longer than ${Math.round(ms / 1000)} s: stopping.`);
    await cleanup();
    process.exit(2);
  }, ms);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      await cleanup();
      process.exit(130);
    });
  }
}

// Straight to stdout: inside a test file, Jest's console would add a stack trace to each line.
const step = (text: string) => process.stdout.write(`· ${text}\n`);

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Prepared = {
  adminUrl: string;
  databaseUrl: string;
  /** A copy of the database as prepared (before any instance touched it), for copyDatabase(). */
  template: string;
  serverEnv: Record<string, string>;
  users: SeedUser[];
  extra: ExtraUser[];
};

async function admin<T>(adminUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

function urlOf(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** PostgreSQL, a database of our own (migrated, seeded, with `extraUsers` more users), a copy of it, and a build. */
export async function prepare(label: string, extraUsers: Partial<Record<ExtraUserKind, number>> = {}): Promise<Prepared> {
  let started = Date.now();
  const startedServer = !existsSync(path.join(ROOT, '.pg-test', 'url'));
  const adminUrl = execFileSync(path.join(ROOT, 'scripts', 'pg-server.sh'), ['start'], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  if (startedServer) onCleanup(() => run(path.join(ROOT, 'scripts', 'pg-server.sh'), ['stop']));
  step(`PostgreSQL ${startedServer ? 'started' : 'already running, reused'} (${secs(started)})`);

  const name = `portal_${label}_${process.pid}`;
  await admin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const databaseUrl = urlOf(adminUrl, name);
  onCleanup(() => admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  const serverEnv = { ...E2E_ENV, DATABASE_URL: databaseUrl };
  started = Date.now();
  run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: databaseUrl });
  step(`database ${name} migrated (${secs(started)})`);

  started = Date.now();
  mkdirSync(path.join(ROOT, 'data'), { recursive: true });
  const usersFile = path.join(ROOT, 'data', `${label}-users-${process.pid}.json`);
  run('npx', ['tsx', '--conditions=react-server', 'prisma/seed.ts'], { ...serverEnv, SEED_OUTPUT: usersFile, SEED_DEMO_PASSWORD: E2E_DEMO_PASSWORD });
  const users = JSON.parse(readFileSync(usersFile, 'utf8')) as SeedUser[];
  rmSync(usersFile, { force: true });
  step(`seeded ${users.length} demo users (${secs(started)})`);

  started = Date.now();
  const extraFile = path.join(ROOT, 'data', `${label}-extra-users-${process.pid}.json`);
  run('npx', ['tsx', '--conditions=react-server', 'tests/http/extra-users.ts', extraFile, E2E_DEMO_PASSWORD, JSON.stringify(extraUsers)], serverEnv);
  const extra = JSON.parse(readFileSync(extraFile, 'utf8')) as ExtraUser[];
  rmSync(extraFile, { force: true });
  step(`${extra.length} more users for the tests (${secs(started)})`);

  // Copied while nothing is connected to it (PostgreSQL's rule for a template): tests that
  // stop or cut off a database (the faults) copy this one and leave the suite's alone.
  const template = `${name}_template`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${template} TEMPLATE ${name}`));
  onCleanup(() => admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)));

  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    step('build: reusing .next (E2E_SKIP_BUILD=1)');
  } else {
    started = Date.now();
    // Not standalone: `next start` serves the ordinary build.
    run('npx', ['next', 'build'], { ...serverEnv, NEXT_OUTPUT: '' });
    step(`built (${secs(started)})`);
  }
  return { adminUrl, databaseUrl, template, serverEnv, users, extra };
}

/** A new database with the content `template` had when prepare() made it; dropped by cleanup(). Its URL. */
export async function copyDatabase(adminUrl: string, template: string): Promise<string> {
  const name = `${template.replace(/_template$/, '')}_copy_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  onCleanup(() => admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  return urlOf(adminUrl, name);
}

/** `next start` on a free loopback port; resolves when it answers. */
export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const started = Date.now();
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopped with everything it spawned
  });
  // Listed for the suite's global cleanup, which also runs on Ctrl-C, when a test file's own
  // afterAll never does (see stopListedInstances).
  if (process.env.HTTP_SUITE_PIDS) appendFileSync(process.env.HTTP_SUITE_PIDS, `${child.pid}\n`);
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  onCleanup(async () => {
    // The server's own log, for a failed test: data/<name>-<pid>.log (git-ignored).
    if (process.env.KEEP_SERVER_LOGS === '1') writeFileSync(path.join(ROOT, 'data', `instance-${name}-${process.pid}.log`), output);
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
        resolve(null);
      }, 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) {
        step(`instance ${name} on ${baseUrl} (${secs(started)})`);
        return { name, baseUrl, port, child, log: () => output };
      }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not answer within 60 s:\n${output}`);
}

/** Stops every instance listed in `pidsFile` that still runs (instances started by test files). */
export function stopListedInstances(pidsFile: string): void {
  if (!existsSync(pidsFile)) return;
  for (const pid of readFileSync(pidsFile, 'utf8').split('\n').filter(Boolean)) {
    try {
      process.kill(-Number(pid), 'SIGKILL');
    } catch {} // already stopped
  }
  rmSync(pidsFile, { force: true });
}

export const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

export function seedUser(users: SeedUser[], email: string): SeedUser {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`seed has no ${email}`);
  return user;
}
