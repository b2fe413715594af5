/**
 * S22: an office admin sees their own office's members and audit events, and nothing of another
 * office by any id, filter, search, cursor or export parameter; anyone else gets 404 for the
 * office's audit log. Office B's users and events are written with SQL, as an operator would,
 * and carry a marker that must never appear in anything office A's admin is shown.
 */
import { randomBytes } from 'node:crypto';
import { NoJsBrowser, pageText } from '../http/http-client';
import { signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { BAD_VALUES, RAW_ERROR } from './bad-inputs';

const suite = useSuite('attack');
const MARKER = `zqx${randomBytes(4).toString('hex')}`;
const SECRET = `qzs${randomBytes(4).toString('hex')}`;
let adminA: NoJsBrowser;
let adminB: NoJsBrowser;
let officeA: string;
let officeB: string;
const bEmails: string[] = [];
const bEventIds: number[] = [];
let aMemberEmail: string;

const officeOf = async (userId: string) => (await suite.sql.query(`SELECT "officeId" FROM "User" WHERE id = $1`, [userId])).rows[0].officeId as string;

async function insertUser(officeId: string, email: string, name: string, withTwoFactor = false) {
  const id = `s22-${randomBytes(8).toString('hex')}`;
  await suite.sql.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "officeId", "lastSignInAt", "updatedAt") VALUES ($1, $2, $3, 'x', 'USER', $4, now(), now())`,
    [id, email, name, officeId],
  );
  if (withTwoFactor)
    await suite.sql.query(`INSERT INTO "TotpCredential" (id, "userId", "secretCiphertext", "keyId", "lastUsedStep") VALUES ($1, $1, 'x', 'x', 0)`, [id]);
  return id;
}

async function insertEvent(type: string, officeId: string, subjectUserId: string | null, details: object) {
  const { rows } = await suite.sql.query(
    `INSERT INTO "AuditEvent" (type, outcome, "subjectUserId", "officeId", ip, details) VALUES ($1, 'SUCCESS', $2, $3, '192.0.2.99', $4) RETURNING id`,
    [type, subjectUserId, officeId, JSON.stringify(details)],
  );
  return rows[0].id as number;
}

beforeAll(async () => {
  const a = suite.claim('office-admin');
  const b = suite.claim('office-admin');
  [officeA, officeB] = [await officeOf(a.id), await officeOf(b.id)];
  aMemberEmail = `member-${MARKER.slice(3)}@office-a.example`;
  const aMember = await insertUser(officeA, aMemberEmail, 'Visible Member A');
  await insertEvent('two_factor.disabled', officeA, aMember, { note: 'office A' });
  for (const [i, on] of [false, true, false].entries()) {
    const email = `${MARKER}-${i}@office-b.example`;
    bEmails.push(email);
    const id = await insertUser(officeB, email, `Secret ${SECRET} ${i}`, on);
    bEventIds.push(await insertEvent(i === 1 ? 'two_factor.enabled' : 'helpdesk.two_factor_reset', officeB, id, { ticket: `${SECRET}-ticket` }));
  }
  bEventIds.push(await insertEvent('office.two_factor_required', officeB, null, { note: SECRET }));
  await suite.sql.query(`UPDATE "Office" SET name = $1 WHERE id = $2`, [`Office ${SECRET}`, officeB]);
  adminA = await signedIn(a, suite.a);
  adminB = await signedIn(b, suite.b);
});

/** What office A's admin is shown at `path`: the status and whether anything of office B appears. */
async function seenByA(path: string) {
  const page = await adminA.get(path);
  return { status: page.status, leaks: page.html.includes(SECRET) ? [SECRET] : [] };
}

test("S22 office scoping: office A's admin sees none of office B's members or events by any id, filter, search, cursor or export parameter", async () => {
  // Control: A's own member and event are listed, so an empty answer below is the scoping's.
  expect((await adminA.get(`/office?q=${encodeURIComponent(aMemberEmail)}`)).html).toContain(aMemberEmail);
  expect((await adminA.get('/office/audit')).html).toContain('Visible Member A');
  // And office B's own admin is shown SECRET by the same requests: its absence below is the scoping's.
  expect([(await adminB.get(`/office?q=${MARKER}`)).html, (await adminB.get('/office/audit/export')).html].map((body) => body.includes(SECRET))).toEqual([
    true,
    true,
  ]);

  const paths = [
    ...['all', 'on', 'off', 'overdue'].flatMap((filter) => [`/office?filter=${filter}&q=${MARKER}`, `/office/members/export?filter=${filter}&q=${MARKER}`]),
    `/office?officeId=${officeB}&office=${officeB}`,
    `/office/members/export?officeId=${officeB}&office=${officeB}`,
    `/office?q=${encodeURIComponent(bEmails[0])}&page=1`,
    `/office?sort=recent&page=2&office=${officeB}`,
    `/office/audit?office=${officeB}`,
    `/office/audit/export?office=${officeB}`,
    ...bEmails.flatMap((email) => [`/office/audit?user=${encodeURIComponent(email)}`, `/office/audit/export?user=${encodeURIComponent(email)}`]),
    ...bEventIds.flatMap((id) => [`/office/audit?cursor=${id + 1}`, `/office/audit/export?cursor=${id + 1}`]),
    ...['helpdesk.two_factor_reset', 'two_factor.enabled', 'office.two_factor_required'].flatMap((type) => [
      `/office/audit?type=${type}&office=${officeB}`,
      `/office/audit/export?type=${type}&office=${officeB}`,
    ]),
  ];
  const answers: string[] = [];
  for (const path of paths) {
    const { status, leaks } = await seenByA(path);
    // The export refuses a user who is not of the office with 400 and the same words as for an unknown address.
    if (![200, 400].includes(status) || leaks.length) answers.push(`${path}: ${status} ${leaks.join(' ')}`);
  }
  expect(answers).toEqual([]);
  observe(`${paths.length} pages and exports with office B's ids, addresses, search text and cursors → 200 or 400, nothing of office B`);
});

test("S22 the office's audit log and its export answer 404 to a plain user and to a helpdesk agent", async () => {
  const plain = await signedIn(suite.claim(), suite.a);
  const agent = await signedIn(suite.claim('helpdesk'), suite.a);
  const statuses: Record<string, number> = {};
  for (const [who, browser] of [
    ['user', plain],
    ['agent', agent],
  ] as const)
    for (const path of ['/office/audit', `/office/audit/export?office=${officeB}`]) statuses[`${who} ${path.split('?')[0]}`] = (await browser.get(path)).status;
  expect(statuses).toEqual({ 'user /office/audit': 404, 'user /office/audit/export': 404, 'agent /office/audit': 404, 'agent /office/audit/export': 404 });
  // The member list and its export send a plain user home, as every office page does.
  expect([(await plain.get('/office')).status, (await plain.get('/office/members/export')).status]).toEqual([307, 307]);
  observe('a plain user and an agent → 404 on /office/audit and its export; 307 home on /office and the member export');
});

test("S14 the bad-input table in the office's query strings: member list, its export, the office's audit log and export", async () => {
  const params: Array<[string, string]> = [
    ...['filter', 'q', 'sort', 'page'].flatMap((name) => [['/office', name] as [string, string], ['/office/members/export', name] as [string, string]]),
    ...['user', 'type', 'from', 'to', 'cursor', 'office'].flatMap((name) => [
      ['/office/audit', name] as [string, string],
      ['/office/audit/export', name] as [string, string],
    ]),
  ];
  const bad: string[] = [];
  let cases = 0;
  for (const [path, name] of params)
    for (const [label, value] of Object.entries(BAD_VALUES)) {
      const query = value === null ? '' : `?${new URLSearchParams((Array.isArray(value) ? value : [value]).map((v) => [name, v]))}`;
      const answer = await adminA.get(`${path}${query}`);
      cases += 1;
      if (answer.status === 431 || answer.status === 414) continue;
      // The member list falls back to its defaults (always 200); the audit export answers a filter it cannot use with 400 and its message.
      const expected = path === '/office/audit/export' ? [200, 400] : [200];
      if (!expected.includes(answer.status) || RAW_ERROR.test(pageText(answer.html)))
        bad.push(`${path}?${name}=${label}: ${answer.status} ${pageText(answer.html).slice(0, 60)}`);
    }
  expect(bad).toEqual([]);
  observe(`${cases} requests → the page or the CSV (or the audit export's 400 with the filter's message)`);
});
