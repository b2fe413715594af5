/**
 * The password step's database work (issue 17): a right password commits once after the compare
 * (its budgets given back, its audit events and the session together), and an unknown address
 * costs the statements a wrong password of a real account costs (S5). Statements counted as the
 * benchmarks count them (bench/lib/statement-counter.ts).
 */
import '../helpers/statement-events';
import { db } from '@/lib/db';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { throttleKey } from '@/lib/auth/login-throttle';
import { networkKey } from '@/lib/auth/network-throttle';
import { createUser } from '../helpers/factories';

const statements: string[] = [];
(db as unknown as { $on(event: 'query', listener: (event: { query: string }) => void): void }).$on('query', (event) => statements.push(event.query));
let nextIp = 1;
const meta = () => ({ ip: `198.51.100.${nextIp++}`, userAgent: 'statements test' });

const isTransactionControl = (sql: string) => /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i.test(sql);

/** The statements `work` sends, and how many of them are COMMITs. */
async function sent(work: () => Promise<unknown>) {
  const from = statements.length;
  await work();
  const all = statements.slice(from);
  return { work: all.filter((sql) => !isTransactionControl(sql)), commits: all.filter((sql) => /^\s*COMMIT\b/i.test(sql)).length };
}

it('signs in with a right password in 8 statements, one transaction after the compare', async () => {
  const user = await createUser();
  const at = meta();
  let result;
  const { work, commits } = await sent(async () => (result = await signInWithPassword({ email: user.email, password: user.password }, at)));
  expect(result).toMatchObject({ kind: 'signed-in' });
  // The account and this browser's device (1), the network's and the address's attempts (2), then
  // one transaction: the budgets given back (2), the last sign-in, the audit events, the session.
  expect(work).toHaveLength(8);
  expect(commits).toBe(1);
  // What those statements leave: the budgets back where they were, both events, an active session.
  expect(await db.loginThrottle.findUnique({ where: { key: throttleKey(user.email) }, select: { failures: true, lockedUntil: true } })).toEqual({
    failures: 0,
    lockedUntil: null,
  });
  expect(await db.networkThrottle.findUnique({ where: { key: networkKey(at.ip) }, select: { failures: true } })).toEqual({ failures: 0 });
  const events = await db.auditEvent.findMany({ where: { subjectUserId: user.id }, orderBy: { id: 'asc' }, select: { type: true } });
  expect(events.map((e) => e.type)).toEqual(['login.password_succeeded', 'login.completed']);
  expect(await db.session.count({ where: { userId: user.id, stage: 'ACTIVE' } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
});

it('sends a user with 2FA to the code step in one statement fewer: no sign-in to mark yet', async () => {
  const user = await createUser({ twoFactor: true });
  const { work, commits } = await sent(() => signInWithPassword({ email: user.email, password: user.password }, meta()));
  expect(work).toHaveLength(7);
  expect(commits).toBe(1);
  expect(await db.session.count({ where: { userId: user.id, stage: 'PENDING_2FA' } })).toBe(1);
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();
});

it('costs an unknown address the statements of a wrong password of a real account (S5)', async () => {
  const user = await createUser();
  const known = await sent(() => signInWithPassword({ email: user.email, password: 'not the password' }, meta()));
  const unknown = await sent(() => signInWithPassword({ email: 'nobody-here@office.example', password: 'not the password' }, meta()));
  expect(unknown.work.length).toBe(known.work.length);
  expect(unknown.commits).toBe(known.commits);
});
