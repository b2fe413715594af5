/**
 * S21: the reminder schedule's cron route runs only for the scheduler's secret. Without it, with a
 * wrong one, one of another length, in another place (the query string, Vercel's own cron header
 * alone) or another scheme, both instances answer 401 and nothing is read or written.
 */
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');
const secret = suite.serverEnv.CRON_SECRET;

async function databaseState() {
  const { rows } = await suite.sql.query(`SELECT
    (SELECT count(*) FROM "OutboxMessage")::int AS outbox,
    (SELECT count(*) FROM "TwoFactorReminder")::int AS reminders,
    (SELECT count(*) FROM "JobLease")::int AS leases,
    (SELECT md5(coalesce(string_agg(l::text, ','), '')) FROM "JobLease" l) AS "leaseRows",
    (SELECT count(*) FROM "AuditEvent")::int AS audit`);
  return rows[0] as Record<string, unknown>;
}

test('S21 cron endpoint: no secret, a wrong secret, a secret of the wrong length or in the wrong place: 401 on both instances, nothing done', async () => {
  expect(secret).toBeTruthy();
  const attempts: Array<[string, Record<string, string>, string?]> = [
    ['no Authorization', {}],
    ['Vercel’s cron header alone', { 'x-vercel-cron': '1', 'user-agent': 'vercel-cron/1.0' }],
    ['empty Bearer', { authorization: 'Bearer ' }],
    ['wrong secret, same length', { authorization: `Bearer ${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}` }],
    ['wrong length: one character short', { authorization: `Bearer ${secret.slice(0, -1)}` }],
    ['wrong length: one character more', { authorization: `Bearer ${secret}0` }],
    ['wrong length: 4 KB', { authorization: `Bearer ${'a'.repeat(4096)}` }],
    ['the secret without the scheme', { authorization: secret }],
    ['the secret as Basic', { authorization: `Basic ${secret}` }],
    ['the secret in the query string', {}, `?secret=${encodeURIComponent(secret)}`],
  ];
  const before = await databaseState();
  const answers: string[] = [];
  for (const base of [suite.a, suite.b]) {
    for (const [label, headers, query = ''] of attempts) {
      const response = await fetch(`${base}/api/cron/reminders${query}`, { headers, redirect: 'manual' });
      const body = await response.text();
      answers.push(`${label}: ${response.status} ${body}`);
    }
  }
  observe(answers.slice(0, attempts.length).join('; '));
  expect(answers.filter((answer) => !answer.endsWith(': 401 {"status":"unauthorized"}'))).toEqual([]);
  expect(await databaseState()).toEqual(before);
});
