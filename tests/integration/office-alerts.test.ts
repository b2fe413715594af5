/**
 * Word to the admins (S23): the e-mails an office's admins get when a member's 2FA is reset by
 * the helpdesk, turned off under the office's requirement, or locked by wrong codes, through the
 * real lib functions and actions on a real database. What an admin reads in their outbox.
 */
import { as, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
// The real password check, wrapped so one test can let an admin turn the requirement on while it runs.
jest.mock('@/lib/auth/check-password', () => {
  const actual = jest.requireActual('@/lib/auth/check-password');
  return { ...actual, checkPassword: jest.fn(actual.checkPassword) };
});

import { db } from '@/lib/db';
import { checkPassword } from '@/lib/auth/check-password';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { disableTwoFactor } from '@/lib/two-factor/disable-two-factor';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import { startSession } from '@/lib/auth/sessions';
import { transaction } from '@/lib/db/transaction';
import { CODE_FAILURE_LIMIT, CODE_LOCK_MS } from '@/lib/auth/limits';
import { MEMBER_ALERT_INTERVAL_MS } from '@/lib/office-alerts/limits';
import { alertOfficeAdmins, OFFICE_ADMIN_ALERT_KIND } from '@/lib/office-alerts/alert-office-admins';
import { adminAlertsOn } from '@/lib/office-alerts/alert-preference';
import { saveOfficeAlertPreference } from '@/app/(app)/office/alerts/actions';
import { dateFormatFor } from '@/lib/i18n/server';
import { seal } from '@/lib/crypto/secret-box';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';
import { wrongCode } from '../helpers/totp-reference';

const meta = { ip: '198.51.100.7', userAgent: 'office alerts test' };
const MINUTE_MS = 60_000;

type Admin = TestUser & { locale: string; timeZone: string };

/** An office with a member, admins in three languages and time zones, one admin who turned the e-mails off, and a second office with its own admin. */
async function officeWithAdmins({ required = false } = {}) {
  const office = await db.office.create({ data: { name: 'Fiduciaire Alpha', twoFactorRequired: required, twoFactorRequiredAt: required ? new Date() : null } });
  const admin = async (locale: string, timeZone: string): Promise<Admin> => {
    const user = await createUser({ role: 'OFFICE_ADMIN', officeId: office.id });
    await db.user.update({ where: { id: user.id }, data: { locale, timeZone } });
    return { ...user, locale, timeZone };
  };
  const admins = [await admin('en', 'Europe/Brussels'), await admin('nl', 'Europe/Brussels'), await admin('fr', 'America/New_York')];
  const quiet = await createUser({ role: 'OFFICE_ADMIN', officeId: office.id });
  await db.officeAlertPreference.create({ data: { userId: quiet.id, alertsOn: false } });
  const member = await createUser({ twoFactor: true, officeId: office.id });
  const otherOffice = await db.office.create({ data: { name: 'Other office' } });
  const otherAdmin = await createUser({ role: 'OFFICE_ADMIN', officeId: otherOffice.id });
  return { office, admins, quiet, member, otherAdmin };
}

const alerts = () =>
  db.outboxMessage.findMany({
    where: { kind: OFFICE_ADMIN_ALERT_KIND },
    orderBy: { createdAt: 'asc' },
    select: { userId: true, toEmail: true, subject: true, body: true },
  });
const alertsAbout = async (member: TestUser) => (await alerts()).filter((m) => m.body.includes(member.email));
const recipientsOf = async (member: TestUser) => (await alertsAbout(member)).map((m) => m.userId).sort();
const ids = (users: { id: string }[]) => users.map((u) => u.id).sort();

async function helpdeskAgent(name = 'Hilde Helpdesk') {
  const agent = await createUser({ role: 'HELPDESK', officeId: null });
  await db.user.update({ where: { id: agent.id }, data: { name } });
  return agent;
}

const reset = (agent: TestUser, user: TestUser, now: Date, ticket = 'HD-4711') =>
  resetTwoFactor(
    {
      agentId: agent.id,
      userId: user.id,
      checks: ['callback_phone_on_file', 'office_admin_confirmed'],
      ticket,
      reason: 'Lost phone; private number 0470 12 34 56',
      confirmedUserId: user.id,
    },
    meta,
    now,
  );

/** One wrong code that reaches the account's limit: the code step locks at `now`. */
async function lockOut(user: TestUser, now: Date) {
  await db.user.update({ where: { id: user.id }, data: { codeFailures: CODE_FAILURE_LIMIT - 1, codeLockedUntil: null } });
  const { sessionId } = await transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'PENDING_2FA', meta, now }));
  await expect(verifySecondFactor({ sessionId, factor: 'totp', code: wrongCode(user.secret!, now.getTime()) }, meta, now)).resolves.toEqual({ kind: 'locked' });
}

/** The member's authenticator again after a reset (written directly: the enrolment is not what is tested here). */
async function giveAuthenticator(user: TestUser) {
  const sealed = seal(user.secret!, totpSecretContext(user.id));
  await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
}

const lockAudits = (user: TestUser) => db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.code_locked' } });

describe('a helpdesk reset', () => {
  it('mails every other opted-in admin of the office, each in their language and time zone, naming the agent and the ticket; nobody else', async () => {
    const { admins, member, office } = await officeWithAdmins();
    const agent = await helpdeskAgent();
    const now = new Date('2026-11-30T08:05:00Z');
    expect(await reset(agent, member, now)).toEqual({ kind: 'done' });

    const mails = await alertsAbout(member);
    expect(mails.map((m) => m.userId).sort()).toEqual(ids(admins));
    const to = (admin: Admin) => mails.find((m) => m.userId === admin.id)!;
    const [en, nl, fr] = admins;
    expect(to(en).toEmail).toBe(en.email);
    expect(to(en).subject).toContain('two-factor authentication reset by the helpdesk');
    expect(to(nl).subject).toContain('tweestapsverificatie gereset door de helpdesk');
    expect(to(fr).subject).toContain('authentification à deux facteurs réinitialisée par le helpdesk');
    for (const admin of admins) {
      const { body } = to(admin);
      expect(body).toContain('Hilde Helpdesk');
      expect(body).toContain('HD-4711');
      expect(body).toContain(office.name);
      expect(body).toContain(dateFormatFor(admin.locale as 'en' | 'nl' | 'fr', admin.timeZone).dateTimeWithZone(now));
      expect(body).toContain('http://localhost:3000/office');
      // Nothing the agent typed about the member's private life, no address of the request.
      expect(body).not.toContain('0470');
      expect(body).not.toContain(meta.ip);
    }
    // New York is six hours behind Brussels: the French admin reads 03:05, the others 09:05.
    expect(to(fr).body).toMatch(/03:05/);
    expect(to(en).body).toMatch(/09:05/);
    // The member is told by their own e-mail, as before.
    expect(await db.outboxMessage.count({ where: { userId: member.id, kind: 'two_factor_reset' } })).toBe(1);
  });

  it('of an admin: the other admins hear of it, the admin gets only their own e-mail', async () => {
    const { admins, member } = await officeWithAdmins();
    const [resetAdmin, ...others] = admins;
    await db.totpCredential.create({ data: { userId: resetAdmin.id, secretCiphertext: 'x', keyId: 'k', lastUsedStep: 0 } });
    expect(await reset(await helpdeskAgent(), resetAdmin, new Date())).toEqual({ kind: 'done' });
    expect(await recipientsOf(resetAdmin)).toEqual(ids(others));
    expect(await db.outboxMessage.count({ where: { userId: resetAdmin.id } })).toBe(1);
    expect(await recipientsOf(member)).toEqual([]);
  });

  it('of a user without an office mails nobody', async () => {
    const loner = await createUser({ twoFactor: true, officeId: null });
    const before = (await alerts()).length;
    expect(await reset(await helpdeskAgent(), loner, new Date())).toEqual({ kind: 'done' });
    expect((await alerts()).length).toBe(before);
  });
});

describe('a lockout by wrong codes', () => {
  it('mails the admins once per member per hour, over all kinds of event; every lockout is still audited', async () => {
    const { admins, member } = await officeWithAdmins();
    const t0 = new Date('2026-11-30T09:00:00Z');
    await lockOut(member, t0);
    expect(await recipientsOf(member)).toEqual(ids(admins));
    const [first] = await alertsAbout(member);
    expect(first.body).toContain(`${CODE_FAILURE_LIMIT} wrong verification codes`);
    expect(first.body).toContain(dateFormatFor('en', 'Europe/Brussels').dateTimeWithZone(new Date(t0.getTime() + CODE_LOCK_MS)));

    // A burst within the hour: two more lockouts and a helpdesk reset, audited, not mailed.
    await lockOut(member, new Date(t0.getTime() + 20 * MINUTE_MS));
    await lockOut(member, new Date(t0.getTime() + 40 * MINUTE_MS));
    expect(await reset(await helpdeskAgent(), member, new Date(t0.getTime() + 50 * MINUTE_MS))).toEqual({ kind: 'done' });
    expect(await lockAudits(member)).toBe(3);
    expect(await db.auditEvent.count({ where: { subjectUserId: member.id, type: 'helpdesk.two_factor_reset' } })).toBe(1);
    expect((await alertsAbout(member)).length).toBe(admins.length);

    // An hour after the last e-mail, the next event is mailed again.
    await giveAuthenticator(member);
    await lockOut(member, new Date(t0.getTime() + MEMBER_ALERT_INTERVAL_MS));
    expect((await alertsAbout(member)).length).toBe(2 * admins.length);
  });

  it('two events at once (parallel transactions; on PostgreSQL truly concurrent): one e-mail per admin', async () => {
    const { admins, member } = await officeWithAdmins();
    const now = new Date();
    const alert = { kind: 'code_locked' as const, lockedUntil: new Date(now.getTime() + CODE_LOCK_MS) };
    const results = await Promise.all(Array.from({ length: 4 }, () => transaction((tx) => alertOfficeAdmins(tx, { memberId: member.id, alert, now }))));
    expect(results.map((r) => r.kind).sort()).toEqual(['queued', 'throttled', 'throttled', 'throttled']);
    expect(await recipientsOf(member)).toEqual(ids(admins));
  });

  it('the hour is per member: another member of the office is mailed at once', async () => {
    const { admins, member, office } = await officeWithAdmins();
    const colleague = await createUser({ twoFactor: true, officeId: office.id });
    const now = new Date();
    await lockOut(member, now);
    await lockOut(colleague, now);
    expect(await recipientsOf(member)).toEqual(ids(admins));
    expect(await recipientsOf(colleague)).toEqual(ids(admins));
  });

  it('the hour is not used up when every admin has turned the e-mails off', async () => {
    const { admins, member } = await officeWithAdmins();
    await db.officeAlertPreference.createMany({ data: admins.map((a) => ({ userId: a.id, alertsOn: false })) });
    const now = new Date();
    await lockOut(member, now);
    expect(await recipientsOf(member)).toEqual([]);
    await db.officeAlertPreference.update({ where: { userId: admins[0].id }, data: { alertsOn: true } });
    await lockOut(member, new Date(now.getTime() + 20 * MINUTE_MS));
    expect(await recipientsOf(member)).toEqual([admins[0].id]);
  });
});

describe('turning 2FA off', () => {
  it('while the office does not require it mails nobody', async () => {
    const { member } = await officeWithAdmins();
    const { sessionId } = await transaction((tx) => startSession(tx, { userId: member.id, userVersion: 1, stage: 'ACTIVE', meta, now: new Date() }));
    expect(await disableTwoFactor({ userId: member.id, sessionId, password: member.password }, meta)).toEqual({ kind: 'disabled' });
    expect(await recipientsOf(member)).toEqual([]);
  });

  it('while the office turned the requirement on meanwhile mails the admins', async () => {
    const { admins, member, office } = await officeWithAdmins();
    const { sessionId } = await transaction((tx) => startSession(tx, { userId: member.id, userVersion: 1, stage: 'ACTIVE', meta, now: new Date() }));
    const real = jest.requireActual('@/lib/auth/check-password').checkPassword;
    jest.mocked(checkPassword).mockImplementationOnce(async (...args: Parameters<typeof checkPassword>) => {
      await db.office.update({ where: { id: office.id }, data: { twoFactorRequired: true, twoFactorRequiredAt: new Date() } });
      return real(...args);
    });
    expect(await disableTwoFactor({ userId: member.id, sessionId, password: member.password }, meta)).toEqual({ kind: 'disabled' });
    const mails = await alertsAbout(member);
    expect(mails.map((m) => m.userId).sort()).toEqual(ids(admins));
    expect(mails.find((m) => m.userId === admins[1].id)!.subject).toContain('heeft tweestapsverificatie uitgeschakeld');
  });

  it('is refused while the office requires it, as before: nothing to tell', async () => {
    const { member } = await officeWithAdmins({ required: true });
    const { sessionId } = await transaction((tx) => startSession(tx, { userId: member.id, userVersion: 1, stage: 'ACTIVE', meta, now: new Date() }));
    expect(await disableTwoFactor({ userId: member.id, sessionId, password: member.password }, meta)).toEqual({ kind: 'required-by-office' });
    expect(await recipientsOf(member)).toEqual([]);
  });
});

describe('the setting on the office page', () => {
  it('turns the e-mails off and on for the admin who posts it, audited, and only for them', async () => {
    const { admins, member } = await officeWithAdmins();
    const [me, other] = admins;
    const browser = await signedInBrowser(me);
    // A ticked box is absent from the form when unticked; an id in the form changes nothing of another admin.
    expect(await as(browser, () => saveOfficeAlertPreference(noState, form({ userId: other.id, adminId: other.id })))).toEqual({
      result: { ok: true, message: 'Saved. You will no longer get these e-mails.', values: { alerts: 'off' } },
    });
    expect(await adminAlertsOn(me.id)).toBe(false);
    expect(await adminAlertsOn(other.id)).toBe(true);
    expect(await db.officeAlertPreference.count({ where: { userId: other.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: 'office.admin_alerts_changed', actorUserId: me.id } });
    expect(audit).toMatchObject({ subjectUserId: me.id, outcome: 'SUCCESS', officeId: me.officeId });
    expect(JSON.parse(audit.details)).toEqual({ before: true, after: false });

    await lockOut(member, new Date());
    expect(await recipientsOf(member)).toEqual(ids(admins.filter((a) => a.id !== me.id)));

    expect(await as(browser, () => saveOfficeAlertPreference(noState, form({ alerts: 'on' })))).toEqual({
      result: { ok: true, message: 'Saved. You will get these e-mails.', values: { alerts: 'on' } },
    });
    expect(await adminAlertsOn(me.id)).toBe(true);
    expect(await db.auditEvent.count({ where: { type: 'office.admin_alerts_changed', actorUserId: me.id } })).toBe(2);
  });

  it('is refused to a plain user and a helpdesk agent, changing nothing', async () => {
    const { member } = await officeWithAdmins();
    for (const user of [member, await helpdeskAgent()]) {
      const browser = await signedInBrowser(user);
      expect(await as(browser, () => saveOfficeAlertPreference(noState, form({ alerts: 'on' })))).toEqual({ redirect: '/' });
      expect(await db.officeAlertPreference.count({ where: { userId: user.id } })).toBe(0);
    }
  });
});
