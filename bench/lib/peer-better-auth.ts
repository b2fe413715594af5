/**
 * The peer of issue 17: better-auth with its twoFactor plugin in a Next.js app of its own
 * (bench/peers/better-auth/, its own package.json and lockfile, not a dependency of the portal),
 * driven by the same load generator at the same concurrencies and counts as the portal's verify
 * step, on the same machine, interleaved with the portal's measurements at each concurrency. Its verify step is the request
 * its client sends after the password step: POST /api/auth/two-factor/verify-totp with the signed
 * two_factor cookie and the code as JSON; only that request is timed, as the portal's phase times
 * only the verify post. Each challenge works once (better-auth consumes it), so each request gets
 * a fresh one, written beforehand with better-auth's own code (scripts/pending-logins.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSamples, summarise, type LoadResult, type LoadSamples } from './load';
import { startServer } from './processes';
import { authenticatorCode } from '../../tests/helpers/totp-reference';

export const PEER_DIR = path.join(process.cwd(), 'bench', 'peers', 'better-auth');
const OWN_CONNECTION = { connection: 'close' };

export type PeerResults = { name: string; versions: Record<string, string>; verifyStep: Record<string, LoadResult> };

function inPeer(command: string, args: string[], env: Record<string, string> = {}, stdio: 'inherit' | 'pipe' = 'inherit'): string {
  return execFileSync(command, args, { cwd: PEER_DIR, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', stdio, 'inherit'] }) ?? '';
}

/**
 * Installs (first run) and builds the peer, creates its database and starts it. The caller
 * measures it with `verify(concurrency, count)` between the portal's own measurements at the same
 * concurrency (bench/phase.ts), so that both see the same machine at nearly the same moment.
 */
export async function startBetterAuth({ work, port, say }: { work: string; port: number; say: (line: string) => void }) {
  // A fresh machine: the peer's own install, from its lockfile (the npm registry only).
  if (!existsSync(path.join(PEER_DIR, 'node_modules', 'better-auth'))) {
    say('peer: npm ci in bench/peers/better-auth (first run)…');
    inPeer('npm', ['ci', '--no-audit', '--no-fund']);
  }
  if (process.env.BENCH_SKIP_BUILD !== '1' || !existsSync(path.join(PEER_DIR, '.next', 'BUILD_ID'))) {
    say('peer: building…');
    inPeer('npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PEER_DATABASE: path.join(work, 'peer.db'),
    BETTER_AUTH_URL: baseUrl,
    BETTER_AUTH_SECRET: 'bench-peer-secret-not-for-production-0123456789',
  };
  const user = JSON.parse(inPeer('node', ['scripts/setup-database.mjs'], env, 'pipe').trim().split('\n').at(-1)!) as { email: string; totpSecret: string };
  const pendingLogins = (count: number): string[] => JSON.parse(inPeer('node', ['scripts/pending-logins.mjs', String(count), user.email], env, 'pipe'));
  const versionOf = (name: string) => JSON.parse(readFileSync(path.join(PEER_DIR, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  const versions = Object.fromEntries(['better-auth', 'next', 'react', 'better-sqlite3', 'bcryptjs'].map((name) => [name, versionOf(name)]));
  const server = await startServer(port, env, { cwd: PEER_DIR, readyPath: '/api/auth/ok' });

  return {
    name: 'better-auth',
    versions,
    stop: server.stop,
    /** Requests to the verify route that it refuses (no challenge cookie), so the first measured one does not load or compile it. */
    async warmUp(times = 20): Promise<void> {
      for (let i = 0; i < times; i++) {
        const response = await fetch(`${baseUrl}/api/auth/two-factor/verify-totp`, {
          method: 'POST',
          body: JSON.stringify({ code: '000000' }),
          headers: { 'content-type': 'application/json', origin: baseUrl, ...OWN_CONNECTION },
        });
        await response.arrayBuffer();
      }
    },
    /** `count` verifications at `concurrency`, each on a fresh challenge: the samples, for the caller to add up over its rounds. */
    async verify(concurrency: number, count: number): Promise<LoadSamples> {
      const cookies = pendingLogins(count);
      await waitForRoomInStep();
      const result = await loadSamples({
        concurrency,
        total: count,
        send: async (i) => {
          const response = await fetch(`${baseUrl}/api/auth/two-factor/verify-totp`, {
            method: 'POST',
            body: JSON.stringify({ code: authenticatorCode(user.totpSecret) }),
            headers: { 'content-type': 'application/json', origin: baseUrl, cookie: cookies[i], ...OWN_CONNECTION },
          });
          await response.arrayBuffer();
          return response.status === 200 && (response.headers.get('set-cookie') ?? '').includes('better-auth.session_token=');
        },
      });
      const summary = summarise(result.latencies, result.errors, result.seconds);
      say(`peer better-auth verify c=${concurrency}: ${summary.perSecond}/s p50 ${summary.p50} ms p99 ${summary.p99} ms errors ${summary.errors}`);
      return result;
    },
  };
}

/** Codes are computed when sent: keep a run from straddling too much of a 30 s step edge (as bench/phase.ts). */
async function waitForRoomInStep() {
  const into = Date.now() % 30_000;
  if (into > 20_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - into + 100));
}
