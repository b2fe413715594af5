/**
 * S21 across instances: the 2FA deadline reminders run on two instances at once (each polling
 * every second, and the cron route called on both together), one of them killed and started
 * again in between: every reminder is sent exactly once. On instances and a database of their own
 * (a copy of the suite's), with the schedule on and a CRON_SECRET.
 */
import pg from 'pg';
import { cleanup, copyDatabase, startInstance, type Instance } from '../http/harness';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
const CRON_SECRET = 'multi-suite-cron-secret-0123456789abcdef';
const DAY_MS = 24 * 60 * 60 * 1000;
let sql: pg.Pool;
let serverEnv: Record<string, string>;
let A: Instance;
let B: Instance;

beforeAll(async () => {
  const databaseUrl = await copyDatabase(suite.adminUrl, suite.template);
  serverEnv = { ...suite.serverEnv, DATABASE_URL: databaseUrl, CRON_SECRET, REMINDERS_POLL_SECONDS: '1' };
  sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  sql.on('error', () => {});
});

afterAll(async () => {
  await sql?.end();
  await cleanup();
});

/** An office that required 2FA from `requiredDaysAgo` days ago with its deadline `deadlineInDays` from now, with these users in it. */
async function requiringOffice(id: string, requiredDaysAgo: number, deadlineInDays: number, userIds: string[]) {
  const now = Date.now();
  await sql.query(
    `INSERT INTO "Office" (id, name, "twoFactorRequired", "twoFactorGraceDays", "twoFactorRequiredAt", "twoFactorDeadline") VALUES ($1, $1, true, 14, $2, $3)`,
    [id, new Date(now - requiredDaysAgo * DAY_MS), new Date(now + deadlineInDays * DAY_MS)],
  );
  await moveInto(id, userIds);
}

/** Members since long before the requirement, so the office's deadline is theirs. */
async function moveInto(officeId: string, userIds: string[]) {
  await sql.query(`UPDATE "User" SET "officeId" = $1, "officeJoinedAt" = $2 WHERE id = ANY($3)`, [officeId, new Date(Date.now() - 100 * DAY_MS), userIds]);
}

const cron = (instance: Instance) =>
  fetch(`${instance.baseUrl}/api/cron/reminders`, { headers: { authorization: `Bearer ${CRON_SECRET}` } }).then((r) => r.status);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reminder mails in the outbox per user and kind. */
async function mailsPerUser(userIds: string[]): Promise<Record<string, number>> {
  const { rows } = await sql.query(
    `SELECT "userId", kind, count(*)::int AS n FROM "OutboxMessage" WHERE kind LIKE 'two_factor_reminder%' AND "userId" = ANY($1) GROUP BY "userId", kind`,
    [userIds],
  );
  return Object.fromEntries(rows.map((r) => [`${userIds.indexOf(r.userId)}:${r.kind}`, r.n]));
}

test('S21 reminders on two instances, one killed and restarted in between: each reminder sent exactly once', async () => {
  const users = suite.extra.filter((u) => u.kind === 'user-without-2fa').map((u) => u.id);
  expect(users.length).toBeGreaterThanOrEqual(5);
  // Users 0–2: their 7-day reminder is due; user 3: the day of their deadline; user 4 joins later.
  await requiringOffice('multi-reminders-week', 1.5, 6.5, users.slice(0, 3));
  await requiringOffice('multi-reminders-day', 3, -0.5, [users[3]]);

  [A, B] = await Promise.all([startInstance('reminders A', serverEnv), startInstance('reminders B', serverEnv)]);
  const first = await Promise.all([cron(A), cron(B), cron(A), cron(B)]);
  await pause(3000); // both pollers run meanwhile

  process.kill(-A.child.pid!, 'SIGKILL');
  await new Promise((resolve) => A.child.once('exit', resolve));
  // A may have died holding the lease: it frees itself after REMINDERS_LEASE_MS (5 minutes); here, as if they had passed.
  await sql.query(`UPDATE "JobLease" SET "expiresAt" = now()`);
  await moveInto('multi-reminders-week', [users[4]]);
  A = await startInstance('reminders A (restarted)', serverEnv);
  const second = await Promise.all([cron(A), cron(B), cron(A), cron(B)]);
  await pause(3000);

  const expected = {
    '0:two_factor_reminder_seven_days': 1,
    '1:two_factor_reminder_seven_days': 1,
    '2:two_factor_reminder_seven_days': 1,
    '3:two_factor_reminder_due': 1,
    '4:two_factor_reminder_seven_days': 1,
  };
  const mails = await mailsPerUser(users.slice(0, 5));
  const rows = Number((await sql.query(`SELECT count(*)::int AS n FROM "TwoFactorReminder" WHERE "userId" = ANY($1)`, [users])).rows[0].n);
  const events = Number(
    (await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE type = 'two_factor.reminder_sent' AND "subjectUserId" = ANY($1)`, [users])).rows[0].n,
  );
  observe(
    `cron before the restart: ${first.join(', ')}; after: ${second.join(', ')}; mails ${JSON.stringify(mails)}; ${rows} reminder rows, ${events} audit events`,
  );
  expect({ statuses: [...first, ...second].every((s) => s === 200), mails, rows, events }).toEqual({ statuses: true, mails: expected, rows: 5, events: 5 });
});
