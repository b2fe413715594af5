/**
 * "Last active" (S20) costs nothing on the hot path: a request within a minute of the last
 * write reads the session with exactly the statements it always did (no write, no extra
 * query); only the first request after a minute adds the one conditional UPDATE.
 * (Statements counted as the benchmarks count them: bench/lib/statement-counter.ts.)
 */
import '../helpers/statement-events';
import { FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { loadSession, LAST_ACTIVE_INTERVAL_MS } from '@/lib/auth/sessions';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { countStatements } from '@/bench/lib/statement-counter';
import { createUser } from '../helpers/factories';

const counter = countStatements(db);
const statements: string[] = [];
(db as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }).$on('query', (event) => statements.push(event.query));

async function statementsOf(run: () => Promise<unknown>): Promise<{ count: number; writes: string[] }> {
  const [before, from] = [counter.count, statements.length];
  await run();
  const writes = statements.slice(from).filter((sql) => /^\s*(UPDATE|INSERT|DELETE)\b/i.test(sql));
  return { count: counter.count - before, writes: writes.map((sql) => sql.replace(/\s+SET[\s\S]*/i, '')) };
}

it('reads a fresh session without a write or an extra statement, and adds one conditional UPDATE once a minute', async () => {
  const user = await createUser();
  const browser = new FakeBrowser();
  await postLogin(browser, form({ email: user.email, password: user.password }));
  const token = browser.cookies.get(SESSION_COOKIE)!;
  const { lastSeenAt } = await db.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(token) } });
  const at = (ms: number) => new Date(lastSeenAt.getTime() + ms);

  const fresh = await statementsOf(() => loadSession(token, at(LAST_ACTIVE_INTERVAL_MS - 1)));
  const stale = await statementsOf(() => loadSession(token, at(LAST_ACTIVE_INTERVAL_MS + 1)));
  const freshAgain = await statementsOf(() => loadSession(token, at(LAST_ACTIVE_INTERVAL_MS + 30_000)));
  expect(fresh.writes).toEqual([]);
  // The guard of every page and action is one statement: the session, its user, office and 2FA state (issue 17).
  expect(fresh.count).toBe(1);
  expect(freshAgain).toEqual(fresh);
  expect(stale.writes).toEqual([expect.stringMatching(/^UPDATE\s+\S*"?Session\b/i)]);
  // The read itself, plus the UPDATE and the end of its own implicit transaction at most.
  expect(stale.count - fresh.count).toBeGreaterThanOrEqual(1);
  expect(stale.count - fresh.count).toBeLessThanOrEqual(2);
  // For the record (the report's numbers): statements per request on this database.
  console.info(`loadSession statements: fresh ${fresh.count}, once a minute ${stale.count}`);
});
