/**
 * S14 on the helpdesk forms (reset 2FA, unlock an account) and the office's 2FA requirement:
 * bad input gets its message (or, valid as typed, the confirmation step it needs) and nothing
 * changes: no reset, no unlock, no new setting, no audit event.
 */
import { NoJsBrowser } from '../http/http-client';
import { passwordStep, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { sendAsFiles, sweep } from './bad-inputs';

const suite = useSuite('attack');
const { a } = suite;
let agent: NoJsBrowser;
beforeAll(async () => {
  agent = await signedIn(suite.claim('helpdesk'), a);
});

/** The messages of the fields both helpdesk forms have. */
const HELPDESK_FIELD_MESSAGES = [
  'This user no longer exists.',
  'Enter the ticket reference.',
  'A ticket reference has at most 64 characters.',
  'Use letters, digits and - _ # . / only.',
  'Describe the reason in a few words',
  'Keep the reason under 500 characters.',
  'Use only letters, digits, punctuation and line breaks in the reason.',
];
const RESET_MESSAGES = [
  ...HELPDESK_FIELD_MESSAGES,
  'Choose only identity checks from the list.',
  'Tick at least 2 identity checks that passed.',
  // Valid as typed: the confirmation step, which the table never clicks.
  'This removes the authenticator of',
];
const UNLOCK_MESSAGES = [...HELPDESK_FIELD_MESSAGES, 'Nothing to do: the user has no 2FA to reset, or is not locked.'];
const OFFICE_MESSAGES = [
  'Enter the grace period as a number of days.',
  'Enter a whole number of days.',
  'The grace period cannot be negative.',
  'The grace period is at most',
  // Valid as typed: the preview before the second click, which the table never gives.
  'two-factor authentication yet',
];

/** The reset form's fields, valid, without the confirmation (the second click). */
const resetFields = (userId: string) => ({
  userId,
  checks: ['callback_phone_on_file', 'office_admin_confirmed'],
  ticket: 'T-1234',
  reason: 'Lost phone, identity confirmed',
});
const unlockFields = (userId: string) => ({ userId, ticket: 'T-1234', reason: 'Locked out, identity confirmed' });
const helpdeskEvents = () => suite.auditCount(`type LIKE 'helpdesk.%'`);
const twoFactorRows = (userId: string) => suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [userId]);

/**
 * The unlock form is shown for a locked account: lock one (10 wrong passwords); the form is then
 * aimed at `target`, an account that is not locked, so that input valid as typed changes nothing.
 */
async function unlockFormPath(): Promise<string> {
  const locked = suite.claim();
  for (let i = 0; i < 10; i++) await passwordStep(new NoJsBrowser(a), locked.email, `wrong ${i}`, a);
  return `/helpdesk/users/${locked.id}`;
}

/** An office admin, signed in, and a snapshot of the office's row to compare with. */
async function officeAdmin() {
  const admin = suite.claim('office-admin');
  const browser = await signedIn(admin, a);
  const office = async () => (await suite.sql.query(`SELECT o.* FROM "Office" o JOIN "User" u ON u."officeId" = o.id WHERE u.id = $1`, [admin.id])).rows[0];
  return { browser, office, before: await office() };
}

test('S14 the bad-input table on the helpdesk reset form', async () => {
  const t = suite.claim();
  const before = await helpdeskEvents();
  const { cases, bad } = await sweep(agent, `/helpdesk/users/${t.id}`, 'checks', resetFields(t.id), ['userId', 'checks', 'ticket', 'reason'], RESET_MESSAGES);
  expect(bad).toEqual([]);
  expect({ twoFactor: await twoFactorRows(t.id), events: (await helpdeskEvents()) - before }).toEqual({ twoFactor: 1, events: 0 });
  observe(`${cases} posts → their messages or the unconfirmed next step; no reset, no audit event`);
});

test('S14 the bad-input table on the helpdesk unlock form', async () => {
  const path = await unlockFormPath();
  const t = suite.claim();
  const before = await helpdeskEvents();
  const { cases, bad } = await sweep(agent, path, /unlock-ticket/, unlockFields(t.id), ['userId', 'ticket', 'reason'], UNLOCK_MESSAGES);
  expect(bad).toEqual([]);
  expect((await helpdeskEvents()) - before).toBe(0);
  observe(`${cases} posts → their messages, or "nothing to do"; no unlock, no audit event`);
});

test("S14 the bad-input table on the office's 2FA requirement", async () => {
  const { browser, office, before } = await officeAdmin();
  const events = await suite.auditCount(`type LIKE 'office.%'`);
  const { cases, bad } = await sweep(browser, '/office', 'graceDays', { required: 'on' }, ['graceDays'], OFFICE_MESSAGES);
  expect(bad).toEqual([]);
  expect(await office()).toEqual(before);
  expect(await suite.auditCount(`type LIKE 'office.%'`)).toBe(events);
  observe(`${cases} grace periods → their messages or the unconfirmed preview; the setting unchanged, no audit event`);
});

// needs the fix from the bad-input branch
test('S14 file parts on the helpdesk forms and the office setting: each text field sent as a file gets a plain message', async () => {
  const t = suite.claim();
  const before = await suite.auditCount(`type LIKE 'helpdesk.%' OR type LIKE 'office.%'`);
  // Confirmed (the second click's value), so that a file taken for valid text would reset for real.
  // The user id is a hidden field: its answer is the form's message, not one under a field.
  const reset = await sendAsFiles(
    agent,
    `/helpdesk/users/${t.id}`,
    'checks',
    { ...resetFields(t.id), confirm: t.id },
    ['userId', 'checks', 'ticket', 'reason'],
    ['This user no longer exists.'],
  );
  const unlock = await sendAsFiles(
    agent,
    await unlockFormPath(),
    /unlock-ticket/,
    unlockFields(t.id),
    ['userId', 'ticket', 'reason'],
    ['This user no longer exists.'],
  );
  const { browser, office, before: officeBefore } = await officeAdmin();
  const setting = await sendAsFiles(browser, '/office', 'graceDays', { required: 'on', confirm: 'yes' }, ['graceDays']);
  expect([...reset.bad, ...unlock.bad, ...setting.bad]).toEqual([]);
  expect({
    twoFactor: await twoFactorRows(t.id),
    office: await office(),
    events: await suite.auditCount(`type LIKE 'helpdesk.%' OR type LIKE 'office.%'`),
  }).toEqual({
    twoFactor: 1,
    office: officeBefore,
    events: before,
  });
  observe(`reset: ${reset.cases} fields, unlock: ${unlock.cases}, office: ${setting.cases} as files → a plain message; nothing changed`);
});
