/**
 * Setup shared by the multi-instance test and the attack suite: a throwaway PostgreSQL
 * (scripts/pg-server.sh, or the one already running, which is then left running), a fresh
 * database of our own, migrated and seeded with the demo users (their passwords and 2FA keys
 * read from the seed's output), one production build, and `next start` instances on loopback
 * ports. `cleanup()` stops everything this run started, also when a check fails or the run is
 * interrupted, and a deadline ends a run that hangs. KEEP_SERVER_LOGS=1 writes each instance's
 * output to data/instance-<name>-<pid>.log, to see the server's side of a failed check.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { E2E_DEMO_PASSWORD, E2E_ENV } from '../e2e/e2e-env';

export type SeedUser = { email: string; name: string; role: string; password: string; totpKey?: string };

export type Instance = { name: string; baseUrl: string; port: number; child: ChildProcess; log: () => string };

const ROOT = process.cwd();
const cleanups: Array<() => Promise<void> | void> = [];
let cleaningUp: Promise<void> | null = null;

export function onCleanup(step: () => Promise<void> | void) {
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

const step = (text: string) => console.log(`· ${text}`);

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

export type Prepared = { adminUrl: string; databaseUrl: string; serverEnv: Record<string, string>; users: SeedUser[]; sql: pg.Pool };

/** PostgreSQL, a database of our own (migrated, seeded) and a build. */
export async function prepare(label: string): Promise<Prepared> {
  let started = Date.now();
  const startedServer = !existsSync(path.join(ROOT, '.pg-test', 'url'));
  const adminUrl = execFileSync(path.join(ROOT, 'scripts', 'pg-server.sh'), ['start'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!;
  if (startedServer) onCleanup(() => run(path.join(ROOT, 'scripts', 'pg-server.sh'), ['stop']));
  step(`PostgreSQL ${startedServer ? 'started' : 'already running, reused'} (${secs(started)})`);

  const name = `portal_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  onCleanup(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

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

  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    step('build: reusing .next (E2E_SKIP_BUILD=1)');
  } else {
    started = Date.now();
    // Not standalone: `next start` serves the ordinary build.
    run('npx', ['next', 'build'], { ...serverEnv, NEXT_OUTPUT: '' });
    step(`built (${secs(started)})`);
  }

  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // A check that cuts the database's connections (a fault test) cuts these too: the pool
  // replaces them; without a listener the idle connection's error would end the run.
  sql.on('error', () => {});
  onCleanup(() => sql.end());
  return { adminUrl, databaseUrl, serverEnv, users, sql };
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
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  onCleanup(async () => {
    // The server's own log, for a failed check: data/<name>-<pid>.log (git-ignored).
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

export const secs = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Checks printed one a line, and the closing `N passed, N failed`. */
export class Checks {
  passed = 0;
  failed = 0;
  rows: Array<{ name: string; ok: boolean; detail: string }> = [];

  async check(name: string, body: () => Promise<string | void>): Promise<boolean> {
    const started = Date.now();
    try {
      const detail = (await body()) ?? '';
      this.passed += 1;
      this.rows.push({ name, ok: true, detail });
      console.log(`PASS  ${name}${detail ? ` — ${detail}` : ''} (${secs(started)})`);
      return true;
    } catch (error) {
      this.failed += 1;
      const detail = error instanceof Error ? error.message : String(error);
      this.rows.push({ name, ok: false, detail });
      console.log(`FAIL  ${name} — ${detail} (${secs(started)})`);
      return false;
    }
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed} failed`;
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function seedUser(users: SeedUser[], email: string): SeedUser {
  const user = users.find((u) => u.email === email);
  if (!user) throw new Error(`seed has no ${email}`);
  return user;
}
