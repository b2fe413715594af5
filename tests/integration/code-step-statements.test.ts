/**
 * The code step's hot path (issue 17): a right code from the app signs in with one transaction
 * of at most 6 statements, and the one-transaction path still holds the account-wide limit
 * against guesses sent in parallel over many logins (S4). Statements counted as the benchmarks
 * count them (bench/lib/statement-counter.ts).
 */
import '../helpers/statement-events';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { startSession } from '@/lib/auth/sessions';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import { CODE_FAILURE_LIMIT } from '@/lib/auth/limits';
import { createUser } from '../helpers/factories';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';

const statements: string[] = [];
(db as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }).$on('query', (event) => statements.push(event.query));
const meta = { ip: '198.51.100.30', userAgent: 'statements test' };

async function pendingLogins(userId: string, count: number, now = new Date()) {
  return Promise.all(Array.from({ length: count }, () => transaction((tx) => startSession(tx, { userId, userVersion: 1, stage: 'PENDING_2FA', meta, now }))));
}

const isTransactionControl = (sql: string) => /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql);

it('signs in with a right code in one transaction of at most 6 statements', async () => {
  const user = await createUser({ twoFactor: true });
  const [{ sessionId }] = await pendingLogins(user.id, 1);
  const from = statements.length;
  const result = await verifySecondFactor({ sessionId, factor: 'totp', code: authenticatorCode(user.secret!) }, meta);
  const sent = statements.slice(from);
  expect(result.kind).toBe('signed-in');
  const work = sent.filter((sql) => !isTransactionControl(sql));
  expect(sent.filter((sql) => /^\s*COMMIT\b/i.test(sql))).toHaveLength(1);
  expect(work.length).toBeLessThanOrEqual(6);
  // The same guarantees as before: audited in the same transaction, the check recorded, the failures reset.
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: { in: ['login.code_succeeded', 'login.completed'] } } })).toBe(2);
  expect(await db.sessionCheck.count({ where: { session: { userId: user.id, stage: 'ACTIVE' } } })).toBe(1);
  console.info(`verification statements: ${work.length} in ${sent.length - work.length} transaction-control statements`);
});

it('lets a wrong code cost no more statements than a right one', async () => {
  const user = await createUser({ twoFactor: true });
  const [{ sessionId }] = await pendingLogins(user.id, 1);
  const from = statements.length;
  const result = await verifySecondFactor({ sessionId, factor: 'totp', code: wrongCode(user.secret!) }, meta);
  expect(result).toEqual({ kind: 'wrong', attemptsLeft: 4 });
  expect(statements.slice(from).filter((sql) => !isTransactionControl(sql)).length).toBeLessThanOrEqual(6);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(1);
});

it('checks at most CODE_FAILURE_LIMIT guesses sent in parallel over many logins of one account (S4)', async () => {
  const user = await createUser({ twoFactor: true });
  const logins = await pendingLogins(user.id, CODE_FAILURE_LIMIT + 4);
  const results = await Promise.all(logins.map(({ sessionId }) => verifySecondFactor({ sessionId, factor: 'totp', code: wrongCode(user.secret!) }, meta)));
  // The guess that reaches the limit locks the step; every later one is refused unchecked.
  expect(results.filter((r) => r.kind === 'wrong')).toHaveLength(CODE_FAILURE_LIMIT - 1);
  expect(results.filter((r) => r.kind === 'locked')).toHaveLength(5);
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(row.codeFailures).toBe(CODE_FAILURE_LIMIT);
  expect(row.codeLockedUntil).not.toBeNull();
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.code_failed', outcome: 'FAILURE' } })).toBe(CODE_FAILURE_LIMIT);
  // And the right code is refused too while the step is locked.
  const [late] = await pendingLogins(user.id, 1);
  await expect(verifySecondFactor({ sessionId: late.sessionId, factor: 'totp', code: authenticatorCode(user.secret!) }, meta)).resolves.toEqual({
    kind: 'locked',
  });
});
