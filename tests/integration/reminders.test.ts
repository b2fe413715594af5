/**
 * 2FA deadline reminders and "Send a reminder now" (S21), with a fake clock, on a real database:
 * each reminder once per user, deadline and kind; none for who enabled 2FA or left the office;
 * once a day per office; the cron route only with its secret.
 */
import { as, form, nextHeaders, noState, type FakeBrowser } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { DAY_MS } from '@/lib/offices/two-factor-deadline';
import { sendDueReminders } from '@/lib/reminders/send-due-reminders';
import { REMINDERS_LEASE, REMINDERS_LEASE_MS, runRemindersUnderLease } from '@/lib/reminders/run-reminders';
import { MANUAL_REMINDER_INTERVAL_MS, sendRemindersNow } from '@/lib/reminders/send-reminders-now';
import { sendReminderNow } from '@/app/(app)/office/reminders/actions';
import { GET as cronGET } from '@/app/api/cron/reminders/route';
import { createUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

const t0 = new Date('2030-03-01T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS);
const meta = { ip: '203.0.113.7', userAgent: 'test' };

/** An office that turned the requirement on at `requiredAt` with `graceDays`, and a member who joined long before. */
async function requiringOffice(graceDays = 14, requiredAt = t0) {
  const deadline = new Date(requiredAt.getTime() + graceDays * DAY_MS);
  const office = await db.office.create({
    data: { name: 'Strict', twoFactorRequired: true, twoFactorGraceDays: graceDays, twoFactorRequiredAt: requiredAt, twoFactorDeadline: deadline },
  });
  const member = await createUser({ officeId: office.id });
  await db.user.update({ where: { id: member.id }, data: { officeJoinedAt: new Date(requiredAt.getTime() - 100 * DAY_MS) } });
  return { officeId: office.id, member };
}

const remindersOf = async (userId: string) =>
  (await db.outboxMessage.findMany({ where: { userId, kind: { startsWith: 'two_factor_reminder' } }, orderBy: { createdAt: 'asc' } })).map((m) => m.kind);

async function enableTwoFactor(userId: string) {
  await db.totpCredential.create({ data: { userId, secretCiphertext: 'x', keyId: 'test', lastUsedStep: 0 } });
}

/** CRON_SECRET as the route reads it (env() is read once; the tests set it on that object). */
const setCronSecret = (value: string | undefined) => Object.assign(env(), { CRON_SECRET: value });
afterEach(() => setCronSecret(undefined));

describe('the schedule', () => {
  it('reminds 7 days and 1 day before and on the day, once each however often it runs, in the user’s language and time zone', async () => {
    const { member } = await requiringOffice(14);
    await db.user.update({ where: { id: member.id }, data: { locale: 'nl', timeZone: 'America/New_York' } });

    await sendDueReminders(at(6.5));
    expect(await remindersOf(member.id)).toEqual([]);
    await sendDueReminders(at(7.1));
    await sendDueReminders(at(7.2));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
    await sendDueReminders(at(13.1));
    await sendDueReminders(at(14.1));
    await sendDueReminders(at(14.2));
    await sendDueReminders(at(20));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days', 'two_factor_reminder_one_day', 'two_factor_reminder_due']);

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: member.id, kind: 'two_factor_reminder_seven_days' } });
    expect(mail.toEmail).toBe(member.email);
    expect(mail.subject).toBe('Office Portal: Herinnering: schakel tweestapsverificatie binnen 7 dagen in');
    // The deadline (t0 + 14 days, 09:00 UTC) in the user's zone, named; the link to Manage 2FA.
    expect(mail.body).toContain('Je uiterste datum is 15 mrt 2030, 05:00 EDT');
    expect(mail.body).toContain(`${env().APP_URL ?? 'http://localhost:3000'}/settings/2fa`);
    const events = await db.auditEvent.findMany({ where: { type: 'two_factor.reminder_sent', subjectUserId: member.id } });
    expect(events.map((e) => JSON.parse(e.details).kind)).toEqual(['seven_days', 'one_day', 'due']);
  });

  it('sends nothing to a member who enabled 2FA meanwhile, or who left the office', async () => {
    const { officeId, member } = await requiringOffice(14);
    const leaver = await createUser({ officeId });
    await db.user.update({ where: { id: leaver.id }, data: { officeJoinedAt: at(-100) } });
    await sendDueReminders(at(7.1));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
    expect(await remindersOf(leaver.id)).toEqual(['two_factor_reminder_seven_days']);

    await enableTwoFactor(member.id);
    const elsewhere = await db.office.create({ data: { name: 'Relaxed' } });
    await db.user.update({ where: { id: leaver.id }, data: { officeId: elsewhere.id } });
    await sendDueReminders(at(13.1));
    await sendDueReminders(at(14.1));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
    expect(await remindersOf(leaver.id)).toEqual(['two_factor_reminder_seven_days']);
  });

  it('a deadline set 3 days ahead: no burst, only the reminder that fits (1 day before, then the day)', async () => {
    const { member } = await requiringOffice(3);
    await sendDueReminders(at(0.1));
    expect(await remindersOf(member.id)).toEqual([]);
    await sendDueReminders(at(2.1));
    await sendDueReminders(at(3.1));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_one_day', 'two_factor_reminder_due']);
  });

  it('a deadline moved earlier gets its own reminder at once', async () => {
    const { officeId, member } = await requiringOffice(30);
    await sendDueReminders(at(23.1));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
    // On day 24 the admin shortens the grace to 25 days: the deadline moves from day 30 to day 25.
    await db.office.update({ where: { id: officeId }, data: { twoFactorGraceDays: 25, twoFactorDeadline: at(25) } });
    await sendDueReminders(at(24.1));
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days', 'two_factor_reminder_one_day']);
    const rows = await db.twoFactorReminder.findMany({ where: { userId: member.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.kind, r.deadline.toISOString()])).toEqual([
      ['seven_days', at(30).toISOString()],
      ['one_day', at(25).toISOString()],
    ]);
  });

  it('two runs at once send each reminder once', async () => {
    const { member } = await requiringOffice(14);
    await Promise.all([sendDueReminders(at(7.1)), sendDueReminders(at(7.1)), sendDueReminders(at(7.2))]);
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
  });

  it('runs under a lease: a second instance waits while the first holds it, and takes over when it expires', async () => {
    await db.jobLease.create({ data: { name: REMINDERS_LEASE, holder: 'instance A (died)', expiresAt: at(1) } });
    expect(await runRemindersUnderLease(at(0.5), 'instance B')).toBeNull();
    expect(await runRemindersUnderLease(new Date(at(1).getTime() + 1), 'instance B')).toEqual({ sent: expect.any(Number) });
    // B gave it back when done: the lease is free for whoever runs next.
    expect(await runRemindersUnderLease(new Date(at(1).getTime() + 2), 'instance C')).not.toBeNull();
    expect(REMINDERS_LEASE_MS).toBeGreaterThan(0);
  });
});

describe('Send a reminder now', () => {
  async function officeWithAdmin() {
    const admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
    const members = [await createUser({ officeId: admin.officeId }), await createUser({ officeId: admin.officeId })];
    const protectedMember = await createUser({ officeId: admin.officeId, twoFactor: true });
    return { admin, members, protectedMember, officeId: admin.officeId! };
  }
  const click = (browser: FakeBrowser, fields: Record<string, string> = {}) => as(browser, () => sendReminderNow(noState, form(fields)));

  it('shows how many get it, sends on confirm to each member without 2FA, audited; then not again for 24 hours', async () => {
    const { admin, members, protectedMember, officeId } = await officeWithAdmin();
    const browser = await signedInBrowser(admin);

    const preview = await click(browser);
    expect(preview.result?.fieldErrors?.confirm).toBeDefined();
    expect(preview.result?.message).toBe('2 members without 2FA get a reminder by e-mail, in their own language. You can send one reminder every 24 hours.');
    expect(await db.outboxMessage.count({ where: { kind: 'two_factor_reminder_now' } })).toBe(0);

    const sent = await click(browser, { confirm: 'yes' });
    expect(sent.result).toMatchObject({ ok: true, message: 'Sent: 2 members get a reminder by e-mail.' });
    const mails = await db.outboxMessage.findMany({ where: { kind: 'two_factor_reminder_now' } });
    expect(mails.map((m) => m.userId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(mails.map((m) => m.userId)).not.toContain(protectedMember.id);
    // No requirement in this office: the mail asks, and names no deadline.
    expect(mails[0].subject).toBe('Office Portal: Your office asks you to enable two-factor authentication');
    expect(mails[0].body).toContain('/settings/2fa');
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: 'office.reminders_sent', officeId } });
    expect({ actor: event.actorUserId, details: JSON.parse(event.details), ip: event.ip }).toEqual({
      actor: admin.id,
      details: { count: 2 },
      ip: expect.any(String),
    });

    const again = await click(browser, { confirm: 'yes' });
    expect(again.result?.ok).toBeUndefined();
    expect(again.result?.message).toMatch(/^A reminder was already sent in the last 24 hours\. You can send the next one from \d+ \w+ \d{4}, \d\d:\d\d /);
    expect(await db.outboxMessage.count({ where: { kind: 'two_factor_reminder_now' } })).toBe(2);
    expect(await db.auditEvent.count({ where: { type: 'office.reminders_sent', officeId } })).toBe(1);
  });

  it('once per 24 hours, also for two clicks at once; a day later it works again', async () => {
    const { admin, officeId } = await officeWithAdmin();
    const now = new Date();
    const results = await Promise.all([
      sendRemindersNow({ officeId, adminId: admin.id }, meta, now),
      sendRemindersNow({ officeId, adminId: admin.id }, meta, now),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['sent', 'too_soon']);
    const almost = new Date(now.getTime() + MANUAL_REMINDER_INTERVAL_MS - 1000);
    expect(await sendRemindersNow({ officeId, adminId: admin.id }, meta, almost)).toEqual({
      kind: 'too_soon',
      nextAllowedAt: new Date(now.getTime() + MANUAL_REMINDER_INTERVAL_MS),
    });
    const dayLater = new Date(now.getTime() + MANUAL_REMINDER_INTERVAL_MS);
    expect(await sendRemindersNow({ officeId, adminId: admin.id }, meta, dayLater)).toEqual({ kind: 'sent', count: 2 });
    expect(await db.auditEvent.count({ where: { type: 'office.reminders_sent', officeId } })).toBe(2);
  });

  it('in an office that requires 2FA the mail names the member’s deadline; with nobody to remind, the day’s send is kept', async () => {
    const { admin, members, officeId } = await officeWithAdmin();
    const deadline = new Date(Date.now() + 10 * DAY_MS);
    await db.office.update({
      where: { id: officeId },
      data: { twoFactorRequired: true, twoFactorGraceDays: 10, twoFactorRequiredAt: new Date(), twoFactorDeadline: deadline },
    });
    await Promise.all(members.map((m) => db.user.update({ where: { id: m.id }, data: { officeJoinedAt: new Date(Date.now() - DAY_MS) } })));
    expect(await sendRemindersNow({ officeId, adminId: admin.id }, meta)).toEqual({ kind: 'sent', count: 2 });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { userId: members[0].id, kind: 'two_factor_reminder_now' } });
    expect(mail.body).toMatch(/Your deadline is \d+ \w+ \d{4}, \d\d:\d\d (CET|CEST)\./);

    const calm = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
    expect(await sendRemindersNow({ officeId: calm.officeId!, adminId: calm.id }, meta)).toEqual({ kind: 'nobody' });
    expect(await db.officeReminderSend.findUniqueOrThrow({ where: { officeId: calm.officeId! } })).toMatchObject({ lastSentAt: new Date(0) });
  });

  it("reminds only the admin's own office: a forged office id is ignored", async () => {
    const a = await officeWithAdmin();
    const b = await officeWithAdmin();
    await click(await signedInBrowser(a.admin), { confirm: 'yes', officeId: b.officeId });
    const reminded = await db.outboxMessage.findMany({ where: { kind: 'two_factor_reminder_now', userId: { in: b.members.map((m) => m.id) } } });
    expect(reminded).toEqual([]);
    expect(await db.auditEvent.count({ where: { type: 'office.reminders_sent', officeId: a.officeId } })).toBe(1);
  });
});

describe('the cron route', () => {
  const SECRET = 'cron-secret-for-the-integration-test-0123456789';
  const call = (authorization?: string) =>
    cronGET(new Request('http://localhost/api/cron/reminders', { headers: authorization === undefined ? {} : { authorization } }));
  const state = async () => ({
    outbox: await db.outboxMessage.count(),
    reminders: await db.twoFactorReminder.count(),
    leases: await db.jobLease.count(),
    audit: await db.auditEvent.count(),
  });

  it('refuses a missing, wrong or wrong-length secret, and any call while CRON_SECRET is unset, with 401, doing nothing', async () => {
    await requiringOffice(8, new Date(Date.now() - 1.5 * DAY_MS)); // a member whose 7-day reminder is due now
    await db.jobLease.deleteMany();
    const before = await state();
    setCronSecret(SECRET);
    const statuses = [
      (await call()).status,
      (await call(`Bearer ${SECRET.replace(/.$/, 'x')}`)).status,
      (await call(`Bearer ${SECRET}x`)).status,
      (await call('Bearer ')).status,
      (await call(SECRET)).status,
      (await call(`Basic ${SECRET}`)).status,
    ];
    setCronSecret(undefined);
    statuses.push((await call(`Bearer ${SECRET}`)).status, (await call('Bearer undefined')).status, (await call('Bearer ')).status);
    expect(statuses).toEqual(Array(9).fill(401));
    expect(await state()).toEqual(before);
  });

  it('with the right secret runs the reminders', async () => {
    const { member } = await requiringOffice(8, new Date(Date.now() - 1.5 * DAY_MS));
    setCronSecret(SECRET);
    const response = await call(`Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', sent: expect.any(Number) });
    expect(await remindersOf(member.id)).toEqual(['two_factor_reminder_seven_days']);
  });
});
