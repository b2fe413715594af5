/**
 * A CPU profile of the portal's `next start` (SQLite) under the verify step's c=20 load, and its
 * top entries by self time, per function and per module: where a verification's time goes before
 * (and after) a change. Uses the current build (`npx next build` first).
 *   npx tsx --conditions=react-server bench/profile.ts [--script | --password] [count]
 * --script posts the code form as the page's script does (Accept: application/json) instead of
 * as a browser without JavaScript (bench/lib/code-step.ts). --password profiles the password
 * step's c=16 storm instead (`count` sign-ins, default 100): the event loop's share of a sign-in
 * beside the bcrypt workers (whose own profiles are left out).
 * BENCH_PORT as for npm run bench (default 3301). The profile stays in data/bench-profile/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { load } from './lib/load';
import { passwordSignIn } from './lib/password-step';
import { codeStepForm, postCodeStep, signedIn } from './lib/code-step';
import { run, serverEnv, startServer } from './lib/processes';
import { authenticatorCode } from '../tests/helpers/totp-reference';
import { sessionCookieName } from '../lib/auth/cookie-name';

const password = process.argv.includes('--password');
const way = process.argv.includes('--script') ? 'script' : 'form';
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? (password ? 100 : 1500));
const dir = path.join(process.cwd(), 'data', 'bench-profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(path.join(dir, 'profiles'), { recursive: true });
const env = serverEnv(`file:${path.join(dir, 'bench.db')}`);
Object.assign(process.env, env);
run('npx', ['prisma', 'migrate', 'deploy'], env);
const fixtures = await import('./lib/fixtures');
const COOKIE = sessionCookieName({ production: true });
const logins = password ? [] : await fixtures.createPendingLogins(count, COOKIE, 'profile');
const emails = password ? await fixtures.createPasswordUsers(32) : [];
await fixtures.db.$disconnect();

const server = await startServer(Number(process.env.BENCH_PORT) || 3301, env, {
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'profiles')}`],
});
let result;
// The load's own minutes, on the clock the profile's timestamps use (V8's monotonic clock, µs):
// the server's start (loading modules, the query compiler's WebAssembly) is not what a request costs.
const micros = () => Number(process.hrtime.bigint() / 1000n);
let window = { from: 0, to: 0 };
try {
  const options = password ? await passwordStorm() : await codeStep();
  const from = micros();
  result = await load(options);
  window = { from, to: micros() };
} finally {
  // next start exits on SIGTERM, and Node writes the profile as it exits.
  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, 3000));
}
console.log(
  `[profile] ${password ? 'password step c=16' : `code step (${way}) c=20`}: ${result.perSecond}/s p50 ${result.p50} ms p99 ${result.p99} ms errors ${result.errors}`,
);

// The server's main thread: the profile with the most functions (a helper process writes a small
// one; each bcrypt worker, busy all along, a long one of few functions).
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };
const profiles = readdirSync(path.join(dir, 'profiles')).map((f) => {
  const file = path.join(dir, 'profiles', f);
  return { file, profile: JSON.parse(readFileSync(file, 'utf8')) as Profile };
});
if (profiles.length === 0) throw new Error('no profile written');
const { file, profile } = profiles.sort((a, b) => b.profile.nodes.length - a.profile.nodes.length)[0];
const selfMicros = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= window.from && at <= window.to) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + (selfMicros.get(n.id) ?? 0), 0);
const byFunction = new Map<string, number>();
const byModule = new Map<string, number>();
for (const node of profile.nodes) {
  const micros = selfMicros.get(node.id) ?? 0;
  if (!micros || node.callFrame.functionName === '(idle)') continue;
  const where = moduleOf(node.callFrame.url);
  const fn = `${node.callFrame.functionName || '(anonymous)'} — ${where}${node.callFrame.url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  byModule.set(where, (byModule.get(where) ?? 0) + micros);
}
const busy = total - idle;
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, micros]) => `| ${((100 * micros) / busy).toFixed(1)} % | ${name.replaceAll('|', '\\|')} |`)
    .join('\n');
console.log(
  `\nProfile ${path.basename(file)}, the load's ${(total / 1e6).toFixed(1)} s: ${((100 * idle) / total).toFixed(0)} % idle; shares below are of the busy time.\n`,
);
console.log(`| self | module |\n| --- | --- |\n${top(byModule, 20)}\n`);
console.log(`| self | function — module:line |\n| --- | --- |\n${top(byFunction, 30)}`);
process.exit(0);

async function codeStep() {
  const form = await codeStepForm(server.baseUrl, logins[0].cookie);
  // A code is good for its 30-second step: no run straddles two steps' boundary late in a step.
  const into = Date.now() % 30_000;
  if (into > 20_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - into + 100));
  return {
    concurrency: 20,
    total: count,
    send: async (i: number) =>
      signedIn(await postCodeStep(server.baseUrl, form, { code: authenticatorCode(logins[i].secret), cookie: logins[i].cookie, way }), way, COOKIE),
  };
}

/** The storm's sender, after two sign-ins (the action's modules load on its first request). */
async function passwordStorm() {
  const send = await passwordSignIn(server.baseUrl, emails, fixtures.BENCH_PASSWORD, COOKIE);
  await load({ concurrency: 1, total: 2, send });
  return { concurrency: 16, total: count, send };
}

/** A package name for code under node_modules, the chunk for the app's bundles, or Node's own. */
function moduleOf(url: string): string {
  if (!url) return '(native, GC or program)';
  const inPackage = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (inPackage) {
    // Prisma's runtime holds both the WASM query compiler and the client: keep them apart.
    const file = inPackage[2];
    return /query_compiler/.test(file) ? `${inPackage[1]} (query compiler)` : inPackage[1];
  }
  // The one WebAssembly module the server loads is Prisma's query compiler (engineType = "client").
  if (url.startsWith('wasm://')) return 'WebAssembly (Prisma query compiler)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  const chunk = url.match(/\.next\/server\/(.*)$/);
  if (chunk) return `.next/server/${chunk[1]}`;
  return url.replace(process.cwd(), '.');
}
