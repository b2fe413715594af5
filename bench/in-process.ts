/**
 * The in-process figures alone, in seconds rather than the full bench's half hour: a successful
 * verification (lib/auth/verify-second-factor.ts) and the signed-in guard's read of the session
 * (loadSession), each called directly (no HTTP, no framework): statements and latency.
 *   npx tsx --conditions=react-server bench/in-process.ts <sqlite|postgres> <database-url> [count]
 * The database is migrated first; the rows it adds are tagged and harmless (as phase.ts's).
 */
import { percentile } from './lib/load';
import { run, serverEnv } from './lib/processes';
import { authenticatorCode } from '../tests/helpers/totp-reference';

const [kind, databaseUrl, countArg] = process.argv.slice(2) as ['sqlite' | 'postgres', string, string | undefined];
const count = Number(countArg) || 300;
const env = serverEnv(databaseUrl);
Object.assign(process.env, env, { NODE_ENV: 'production', DATABASE_QUERY_EVENTS: '1' });
run('npx', ['prisma', 'migrate', 'deploy'], env);
const fixtures = await import('./lib/fixtures');
const { countStatements } = await import('./lib/statement-counter');
const counter = countStatements(fixtures.db);
const { verifySecondFactor } = await import('@/lib/auth/verify-second-factor');
const { loadSession } = await import('@/lib/auth/sessions');
const { sessionIdFromToken } = await import('@/lib/auth/session-token');

const tag = `in-process-${Date.now()}`;
const logins = await fixtures.createPendingLogins(count, 'c', tag);
const verify = { ms: [] as number[], statements: 0 };
const guard = { ms: [] as number[], statements: 0 };
const tokens: string[] = [];
for (const login of logins) {
  const before = counter.count;
  const t = performance.now();
  const result = await verifySecondFactor(
    { sessionId: sessionIdFromToken(login.cookie.split('=')[1]), factor: 'totp', code: authenticatorCode(login.secret) },
    { ip: '127.0.0.1', userAgent: 'bench' },
  );
  verify.ms.push(performance.now() - t);
  verify.statements = Math.max(verify.statements, counter.count - before);
  if (result.kind !== 'signed-in') throw new Error(`verification failed: ${result.kind}`);
  tokens.push(result.token);
}
for (const token of tokens) {
  const before = counter.count;
  const t = performance.now();
  if (!(await loadSession(token))) throw new Error('no session');
  guard.ms.push(performance.now() - t);
  guard.statements = Math.max(guard.statements, counter.count - before);
}
const show = (name: string, { ms, statements }: { ms: number[]; statements: number }) => {
  const sorted = ms.sort((a, b) => a - b);
  console.log(
    `${kind} ${name}: ${statements} statements (transaction control included), p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (n=${ms.length})`,
  );
};
show('verification', verify);
show('signed-in guard (loadSession, fresh)', guard);
await fixtures.db.$disconnect();
