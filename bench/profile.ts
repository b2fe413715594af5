/**
 * A CPU profile of the portal's `next start` (SQLite) under the verify step's c=20 load, and its
 * top entries by self time, per function and per module: where a verification's time goes before
 * (and after) a change. Uses the current build (`npx next build` first).
 *   npx tsx --conditions=react-server bench/profile.ts [--script] [count]
 * --script posts the code form as the page's script does (Accept: application/json) instead of
 * as a browser without JavaScript (bench/lib/code-step.ts).
 * BENCH_PORT as for npm run bench (default 3301). The profile stays in data/bench-profile/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from './lib/load';
import { codeStepForm, postCodeStep, signedIn } from './lib/code-step';
import { run, serverEnv, startServer } from './lib/processes';
import { authenticatorCode } from '../tests/helpers/totp-reference';
import { sessionCookieName } from '../lib/auth/cookie-name';

const way = process.argv.includes('--script') ? 'script' : 'form';
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1500);
const dir = path.join(process.cwd(), 'data', 'bench-profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(path.join(dir, 'profiles'), { recursive: true });
const env = serverEnv(`file:${path.join(dir, 'bench.db')}`);
Object.assign(process.env, env);
run('npx', ['prisma', 'migrate', 'deploy'], env);
const fixtures = await import('./lib/fixtures');
const COOKIE = sessionCookieName({ production: true });
const logins = await fixtures.createPendingLogins(count, COOKIE, 'profile');
await fixtures.db.$disconnect();

const server = await startServer(Number(process.env.BENCH_PORT) || 3301, env, {
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'profiles')}`],
});
let result;
try {
  const form = await codeStepForm(server.baseUrl, logins[0].cookie);
  const into = Date.now() % 30_000;
  if (into > 20_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - into + 100));
  result = await load({
    concurrency: 20,
    total: count,
    send: async (i) =>
      signedIn(await postCodeStep(server.baseUrl, form, { code: authenticatorCode(logins[i].secret), cookie: logins[i].cookie, way }), way, COOKIE),
  });
} finally {
  // next start exits on SIGTERM, and Node writes the profile as it exits.
  await server.stop();
  await new Promise((resolve) => setTimeout(resolve, 3000));
}
console.log(`[profile] code step (${way}) c=20: ${result.perSecond}/s p50 ${result.p50} ms p99 ${result.p99} ms errors ${result.errors}`);

// The server's profile is the largest one written (a helper process may write a small one).
const files = readdirSync(path.join(dir, 'profiles')).map((f) => path.join(dir, 'profiles', f));
if (files.length === 0) throw new Error('no profile written');
const file = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const selfMicros = new Map<number, number>();
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
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
  `\nProfile ${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${((100 * idle) / total).toFixed(0)} % idle; shares below are of the busy time.\n`,
);
console.log(`| self | module |\n| --- | --- |\n${top(byModule, 20)}\n`);
console.log(`| self | function — module:line |\n| --- | --- |\n${top(byFunction, 30)}`);
process.exit(0);

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
