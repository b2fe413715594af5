/**
 * One database's part of `npm run bench`, in a process of its own (lib/db binds to one
 * DATABASE_URL per process): prepares the database, starts `next start`, measures the password
 * step, the verify step, page weight and growth, and writes its figures as JSON.
 *   tsx --conditions=react-server bench/phase.ts <sqlite|postgres> <database-url> <out.json> [--quick] [--peers]
 * --peers (SQLite): the peer (bench/lib/peer-better-auth.ts) is started beside the portal and
 * measured at each verify concurrency right after the portal's two ways, back to back.
 */
import { writeFileSync } from 'node:fs';
import bcrypt from 'bcryptjs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { addSamples, load, loadSamples, percentile, type LoadResult, type LoadSamples } from './lib/load';
import { formFieldsOf, multipartBody } from './lib/no-js-form';
import { passwordSignIn } from './lib/password-step';
import { probeHealth } from './lib/health-probe';
import { cpuPerRequest, threadCpu, type ThreadCpu } from './lib/thread-cpu';
import { codeStepForm, postCodeStep, signedIn, type CodeStepWay } from './lib/code-step';
import { startBetterAuth } from './lib/peer-better-auth';
import { run, serverEnv, startServer, type Server } from './lib/processes';
import { authenticatorCode, wrongCode } from '../tests/helpers/totp-reference';
import { sessionCookieName } from '../lib/auth/cookie-name';

const [kind, databaseUrl, outFile, ...flags] = process.argv.slice(2) as ['sqlite' | 'postgres', string, string, ...string[]];
const quick = flags.includes('--quick');
const peers = flags.includes('--peers') && kind === 'sqlite';
// Lighthouse's performance score varies from run to run (its docs advise the median of several).
const LIGHTHOUSE_RUNS = quick ? 1 : 5;
const env = serverEnv(databaseUrl);
Object.assign(process.env, env, { NODE_ENV: 'production', DATABASE_QUERY_EVENTS: '1' });
// The server runs in production mode: its cookie has the __Host- name.
const COOKIE = sessionCookieName({ production: true });
/**
 * Each request on a connection of its own, as many users with their own browsers. One
 * keep-alive pool shared by 100 workers left some requests queued in the client for a whole
 * run (p99 27 s at c=100 on SQLite, an artifact of the load generator, not the server).
 */
const OWN_CONNECTION = { connection: 'close' };

run('npx', ['prisma', 'migrate', 'deploy'], env);
const fixtures = await import('./lib/fixtures');
const { countStatements } = await import('./lib/statement-counter');
const statementCounter = countStatements(fixtures.db);
const { verifySecondFactor } = await import('@/lib/auth/verify-second-factor');
const { sessionIdFromToken } = await import('@/lib/auth/session-token');

const results: Record<string, unknown> = { kind };
const { BCRYPT_COST } = await import('@/lib/auth/password-hash-cost');
const floorHash = bcrypt.hashSync(fixtures.BENCH_PASSWORD, BCRYPT_COST);
const log = (line: string) => console.log(`[bench ${kind}] ${line}`);

// BENCH_PORT: a free port of your own when something else uses these (the phases run one after the other).
const server: Server = await startServer(Number(process.env.BENCH_PORT) || (kind === 'sqlite' ? 3301 : 3302), env);
try {
  await passwordStep();
  // BENCH_PASSWORD_ONLY=1: the password step alone (a minute), for trying a change to it.
  if (process.env.BENCH_PASSWORD_ONLY !== '1') {
    await verifyStep();
    if (kind === 'sqlite') await pages();
    await growth();
  }
} finally {
  await server.stop();
  await fixtures.db.$disconnect();
}
writeFileSync(outFile, JSON.stringify(results, null, 2));
process.exit(0);

/** A form posted as a browser without JavaScript does, on a connection of its own; redirects are not followed. */
function postForm(path: string, { body, contentType }: { body: string; contentType: string }, cookie?: string): Promise<Response> {
  const headers = { 'content-type': contentType, origin: server.baseUrl, ...OWN_CONNECTION, ...(cookie ? { cookie } : {}) };
  return fetch(`${server.baseUrl}${path}`, { method: 'POST', body, headers, redirect: 'manual' });
}

/** The cheap request: the health endpoint, answered "ok". */
async function healthOk(): Promise<boolean> {
  const response = await fetch(`${server.baseUrl}/api/health`, { headers: OWN_CONNECTION });
  await response.arrayBuffer();
  return response.status === 200;
}

/**
 * The one-thread bcrypt floor, measured here with nothing else running (the server idle): the
 * machine's speed drifts by 10 % within a minute (3.14–3.44/s in one minute on this machine), so
 * each concurrency's ratio is to the floor measured right before and right after it (decision 0018's
 * reason for rounds), not to one measured minutes earlier.
 */
function bcryptFloor(): number {
  const compares = quick ? 3 : 8;
  const started = performance.now();
  for (let i = 0; i < compares; i++) bcrypt.compareSync(fixtures.BENCH_PASSWORD, floorHash);
  return compares / ((performance.now() - started) / 1000);
}

/** Logins (right password) as HTTP against next start, with a cheap request measured alongside. */
async function passwordStep() {
  const send = await passwordSignIn(server.baseUrl, await fixtures.createPasswordUsers(32), fixtures.BENCH_PASSWORD, COOKIE);
  const out: Record<string, LoadResult & { healthDuring?: LoadResult; floorPerSecond: number; cpuPerSignIn: ThreadCpu }> = {};
  let floorBefore = bcryptFloor();
  for (const concurrency of [1, 4, 16]) {
    const durationMs = quick ? 4000 : 15000;
    // At c=16 a probe every 100 ms, from a process of its own as a load balancer's: what a cheap request waits while bcrypt runs.
    const health = concurrency === 16 ? probeHealth(server.baseUrl, durationMs) : undefined;
    const cpuBefore = threadCpu(server.group);
    const result = { ...(await load({ concurrency, durationMs, send })), ...(health ? { healthDuring: await health } : {}) };
    // Where each sign-in's CPU went in the server (the probe's requests included): what the event loop takes is taken from bcrypt.
    const cpuPerSignIn = cpuPerRequest(cpuBefore, threadCpu(server.group), result.requests);
    const floorAfter = bcryptFloor();
    const floorPerSecond = Math.round(((floorBefore + floorAfter) / 2) * 100) / 100;
    out[`c${concurrency}`] = { ...result, floorPerSecond, cpuPerSignIn };
    log(
      `password step c=${concurrency}: ${result.perSecond}/s p99 ${result.p99} ms; floor ${floorBefore.toFixed(2)} before, ${floorAfter.toFixed(2)} after; ` +
        `CPU per sign-in: event loop ${cpuPerSignIn.eventLoop} ms, workers ${cpuPerSignIn.workers} ms, other threads ${cpuPerSignIn.other} ms, elsewhere on the machine ${cpuPerSignIn.elsewhere} ms`,
    );
    floorBefore = floorAfter;
  }
  results.passwordStep = out;
}

/**
 * Verifications of fresh pending logins (one per request: a code works once) at c = 1, 20, 100,
 * in rounds (one in the quick run, five in the full one): in each round the form posted without
 * JavaScript and as the page's script posts it (which of the two goes first alternates), then
 * (--peers) the peer, back to back. Each figure adds up its rounds' samples, so all three are
 * spread over the same minutes of a machine whose speed drifts (decision 0018).
 */
async function verifyStep() {
  const out: Record<string, LoadResult> = {};
  const script: Record<string, LoadResult> = {};
  const peer = peers ? await startBetterAuth({ work: path.dirname(outFile), port: Number(process.env.BENCH_PEER_PORT) || 3303, say: log }) : null;
  const peerVerify: Record<string, LoadResult> = {};
  // Both servers load their verify route on its first request: a few refused ones first, on each, so no figure counts that.
  const [warm] = await fixtures.createPendingLogins(1, COOKIE, 'warm-up');
  const warmForm = await codeStepForm(server.baseUrl, warm.cookie);
  for (let i = 0; i < 20; i++)
    await (await postCodeStep(server.baseUrl, warmForm, { code: 'abc', cookie: warm.cookie, way: i % 2 ? 'form' : 'script' })).arrayBuffer();
  await peer?.warmUp();
  const rounds = quick ? 1 : 5;
  for (const concurrency of [1, 20, 100]) {
    const count = (quick ? Math.max(60, concurrency * 3) : concurrency === 1 ? 300 : 1500) / rounds;
    const samples: Record<CodeStepWay | 'peer', LoadSamples[]> = { form: [], script: [], peer: [] };
    for (let round = 0; round < rounds; round++) {
      const ways: CodeStepWay[] = round % 2 ? ['script', 'form'] : ['form', 'script'];
      for (const way of ways) samples[way].push(await verifyCodeStep(way, concurrency, count, round));
      if (peer) samples.peer.push(await peer.verify(concurrency, count));
    }
    const key = `c${concurrency}`;
    out[key] = addSamples(samples.form);
    script[key] = addSamples(samples.script);
    for (const [name, result] of [
      ['form', out[key]],
      ['script', script[key]],
    ] as const)
      log(`verify (${name}) c=${concurrency}, ${rounds} rounds: ${result.perSecond}/s p50 ${result.p50} ms p99 ${result.p99} ms errors ${result.errors}`);
    if (peer) peerVerify[key] = addSamples(samples.peer);
  }
  if (peer) {
    await peer.stop();
    results.peer = { name: peer.name, versions: peer.versions, verifyStep: peerVerify };
  }
  results.verifyStep = out;
  results.verifyStepScript = script;
  results.verifyFloors = await verifyFloors();
  results.verifyInProcess = await verifyInProcess();
}

/**
 * SQLite: the pending logins just written sit in the write-ahead log; copied into the database
 * now, so that no measured commit is the one that pays for the copy (the peer's pending logins get
 * the same, bench/peers/better-auth/scripts/pending-logins.mjs). A real server's log holds only
 * what its users wrote.
 */
async function emptyWriteAheadLog() {
  if (kind === 'sqlite') await fixtures.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
}

/** `count` sign-ins at the code step, each a pending login of its own, posted one way (lib/code-step.ts). */
async function verifyCodeStep(way: CodeStepWay, concurrency: number, count: number, round: number): Promise<LoadSamples> {
  const logins = await fixtures.createPendingLogins(count, COOKIE, `${way}-c${concurrency}-r${round}`);
  await emptyWriteAheadLog();
  const form = await codeStepForm(server.baseUrl, logins[0].cookie);
  await waitForRoomInStep();
  return loadSamples({
    concurrency,
    total: count,
    send: async (i) =>
      signedIn(await postCodeStep(server.baseUrl, form, { code: authenticatorCode(logins[i].secret), cookie: logins[i].cookie, way }), way, COOKIE),
  });
}

/**
 * What the framework costs before any verification work, at the same concurrencies: a route
 * handler with one trivial query (the health endpoint); a server action with as little work
 * (Log out, from the verify page, for a session that does not exist: one read, one delete, a
 * redirect); the code step given a malformed code (guard, form parsing, validation: sent back to
 * the form without JavaScript, the message in the script's answer); and a wrong code (a real
 * attempt: reserved, counted, audited; one per pending login, as each has 5).
 */
async function verifyFloors() {
  const total = (concurrency: number) => (quick ? 100 : concurrency === 1 ? 300 : 1500);
  const [login] = await fixtures.createPendingLogins(1, COOKIE, 'floors');
  const form = await codeStepForm(server.baseUrl, login.cookie);
  const wrong = await fixtures.createPendingLogins(total(1) + total(20), COOKIE, 'floors-wrong');
  let nextWrong = 0;
  // The page's one form with a plain action and no field of its own: the language switcher (name="locale") comes first in the layout.
  const logOut = multipartBody(await formFieldsOf(server.baseUrl, '/login/verify', /^(?![\s\S]*name="locale")[\s\S]*name="\$ACTION_ID_/, login.cookie));
  const cases: Record<string, () => Promise<boolean>> = {
    health: healthOk,
    logOutNoSession: async () => {
      const response = await postForm('/login/verify', logOut, `${COOKIE}=no-such-session`);
      await response.arrayBuffer();
      return response.status === 303;
    },
    malformedCode: async () => {
      const response = await postCodeStep(server.baseUrl, form, { code: 'abc', cookie: login.cookie, way: 'form' });
      await response.arrayBuffer();
      return response.status === 303 && (response.headers.get('location') ?? '').includes('refused=format');
    },
    malformedCodeScript: async () => {
      const response = await postCodeStep(server.baseUrl, form, { code: 'abc', cookie: login.cookie, way: 'script' });
      return (await response.text()).includes('Enter the 6-digit code');
    },
    wrongCodeScript: async () => {
      const pending = wrong[nextWrong++];
      const response = await postCodeStep(server.baseUrl, form, { code: wrongCode(pending.secret), cookie: pending.cookie, way: 'script' });
      return (await response.text()).includes('attempts left');
    },
  };
  const out: Record<string, Record<string, LoadResult>> = {};
  for (const [name, send] of Object.entries(cases)) {
    out[name] = {};
    for (const concurrency of [1, 20]) {
      out[name][`c${concurrency}`] = await load({ concurrency, total: total(concurrency), send });
      log(`floor ${name} c=${concurrency}: ${out[name][`c${concurrency}`].perSecond}/s p50 ${out[name][`c${concurrency}`].p50} ms`);
    }
  }
  return out;
}

/** Prisma's own cost per operation, in-process: a one-field read by primary key, and a raw SELECT 1. */
async function prismaPerOperation() {
  const user = await fixtures.db.user.findFirstOrThrow({ select: { id: true } });
  const time = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < 200; i++) await run();
    const latencies: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      await run();
      latencies.push(performance.now() - t);
    }
    return Math.round(
      percentile(
        latencies.sort((a, b) => a - b),
        50,
      ) * 1000,
    );
  };
  return {
    findUniqueMicros: await time(() => fixtures.db.user.findUnique({ where: { id: user.id }, select: { id: true } })),
    queryRawMicros: await time(() => fixtures.db.$queryRaw`SELECT 1`),
  };
}

/** The same verification called in-process: its database statements, and its latency without HTTP and the framework. */
async function verifyInProcess() {
  const logins = await fixtures.createPendingLogins(quick ? 30 : 100, COOKIE, 'in-process');
  await waitForRoomInStep();
  const latencies: number[] = [];
  const statements: number[] = [];
  for (const login of logins) {
    const before = statementCounter.count;
    const t = performance.now();
    const result = await verifySecondFactor(
      { sessionId: sessionIdFromToken(login.cookie.split('=')[1]), factor: 'totp', code: authenticatorCode(login.secret) },
      { ip: '127.0.0.1', userAgent: 'bench' },
    );
    latencies.push(performance.now() - t);
    statements.push(statementCounter.count - before);
    if (result.kind !== 'signed-in') throw new Error(`in-process verification failed: ${result.kind}`);
  }
  const sorted = latencies.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return {
    statementsPerVerification: Math.max(...statements),
    p50: r(percentile(sorted, 50)),
    p99: r(percentile(sorted, 99)),
    prisma: await prismaPerOperation(),
  };
}

/** Client JavaScript each page loads, gzipped, read from the script tags the server sends. */
async function pages() {
  const pendingCookie = (await fixtures.createPendingLogins(1, COOKIE, 'pages'))[0].cookie;
  const userCookie = await fixtures.activeSessionFor('USER', COOKIE, 'pages-user');
  const agentCookie = await fixtures.activeSessionFor('HELPDESK', COOKIE, 'pages-agent');
  // The not-found page has no client component of ours: what the framework alone sends.
  const routes: Array<[string, string | undefined]> = [
    ['/login', undefined],
    ['/login/verify', pendingCookie],
    ['/settings/2fa', userCookie],
    ['/helpdesk', agentCookie],
    ['/bench-no-such-page (framework floor)', userCookie],
  ];
  const out: Record<string, { scripts: number; gzipBytes: number }> = {};
  for (const [route, cookie] of routes) {
    const path = route.split(' ')[0];
    const response = await fetch(`${server.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    if (response.status !== (path.startsWith('/bench-no-such-page') ? 404 : 200)) throw new Error(`GET ${path}: ${response.status}`);
    const html = await response.text();
    // A noModule script (the framework's polyfills for browsers without ES modules) is neither
    // fetched nor run by a browser that has them: every browser this portal supports.
    const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)];
    const sources = [...new Set(tags.filter((m) => !/\snoModule/i.test(m[0])).map((m) => m[1]))];
    let gzipBytes = 0;
    for (const src of sources) gzipBytes += gzipSync(Buffer.from(await (await fetch(`${server.baseUrl}${src}`)).arrayBuffer()), { level: 9 }).length;
    // Inline flight data is part of the page too.
    gzipBytes += gzipSync(Buffer.from([...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join(''))).length;
    out[route] = { scripts: sources.length, gzipBytes };
    log(`page ${route}: ${sources.length} scripts, ${(gzipBytes / 1024).toFixed(1)} kB gzipped`);
  }
  results.pages = out;
  results.lighthouse = await lighthouse([
    ['/login', undefined],
    ['/login/verify', pendingCookie],
  ]);
  results.lighthouseRuns = LIGHTHOUSE_RUNS;
}

async function lighthouse(routes: Array<[string, string | undefined]>) {
  const { default: runLighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const [route, cookie] of routes) {
      // The median of LIGHTHOUSE_RUNS runs, per category.
      const runs: Array<Record<string, number>> = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const result = await runLighthouse(`${server.baseUrl.replace('127.0.0.1', 'localhost')}${route}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        });
        runs.push(Object.fromEntries(Object.entries(result!.lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])));
      }
      out[route] = Object.fromEntries(Object.keys(runs[0]).map((id) => [id, runs.map((run) => run[id]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]]));
      log(`lighthouse ${route}: median of ${runs.length}: ${JSON.stringify(out[route])}; performance per run ${runs.map((run) => run.performance).join(', ')}`);
    }
  } finally {
    await chrome.kill();
  }
  return out;
}

/** Verify latency and the audit log page as the users and audit tables grow to 10⁴, 10⁵, 10⁶ rows. */
async function growth() {
  const agentCookie = await fixtures.activeSessionFor('HELPDESK', COOKIE, 'growth-agent');
  const sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
  const out: Record<string, unknown> = {};
  for (const size of sizes) {
    const t = performance.now();
    await fixtures.growTo(size, kind);
    const seeded = Math.round(performance.now() - t);
    const logins = await fixtures.createPendingLogins(quick ? 20 : 50, COOKIE, `growth-${size}`);
    const fields = await formFieldsOf(server.baseUrl, '/login/verify', 'code', logins[0].cookie);
    await waitForRoomInStep();
    const verify = await load({
      concurrency: 1,
      total: logins.length,
      send: async (i) => {
        const response = await postForm(
          '/login/verify',
          multipartBody({ ...fields, code: authenticatorCode(logins[i].secret), callbackUrl: '/' }),
          logins[i].cookie,
        );
        await response.arrayBuffer();
        return response.status === 303;
      },
    });
    const auditPage = async (query: string) =>
      load({
        concurrency: 1,
        total: quick ? 5 : 20,
        send: async () => {
          const response = await fetch(`${server.baseUrl}/helpdesk/audit${query}`, { headers: { cookie: agentCookie } });
          await response.arrayBuffer();
          return response.status === 200;
        },
      });
    const auditNewest = await auditPage('');
    const auditByUser = await auditPage('?user=grow-7%40bench.example');
    out[size] = { seededMs: seeded, verify, auditNewest, auditByUser };
    log(`growth ${size}: verify p50 ${verify.p50} ms; audit page p50 ${auditNewest.p50} ms, by user ${auditByUser.p50} ms`);
  }
  if (kind === 'postgres') {
    const explain = async (sql: string) =>
      ((await fixtures.db.$queryRawUnsafe(`EXPLAIN ${sql}`)) as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']);
    out.explain = {
      auditNewest: await explain('SELECT * FROM "AuditEvent" ORDER BY id DESC LIMIT 51'),
      auditByUser: await explain(`SELECT * FROM "AuditEvent" WHERE "subjectUserId" = 'grow-7' OR "actorUserId" = 'grow-7' ORDER BY id DESC LIMIT 51`),
      userByEmail: await explain(`SELECT * FROM "User" WHERE email = 'grow-7@bench.example'`),
    };
  }
  results.growth = out;
}

/** Codes are computed when sent: keep a run from straddling too much of a 30 s step edge. */
async function waitForRoomInStep() {
  const into = Date.now() % 30_000;
  if (into > 20_000) await new Promise((resolve) => setTimeout(resolve, 30_000 - into + 100));
}
