/** "Require two-factor authentication for all users in this office" (issue 5), against a real database. */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { saveTwoFactorRequirement } from '@/app/(app)/office/actions';
import OfficePage from '@/app/(app)/office/page';
import { beginEnrolment, finishEnrolment, turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { resetUserTwoFactor } from '@/app/(app)/helpdesk/users/[id]/actions';
import { getCurrentSession, requireActiveSession } from '@/lib/auth/guards';
import { setTwoFactorRequirement } from '@/lib/offices/set-two-factor-requirement';
import { listOfficeMembers } from '@/lib/offices/list-office-members';
import { DAY_MS } from '@/lib/offices/two-factor-deadline';
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { REQUIRED_BY_OFFICE } from '@/lib/two-factor/messages';
import { translateMessage } from '@/lib/i18n/server';
import { createUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode } from '../helpers/totp-reference';
import { findElement, textOf } from '../helpers/react-tree';
import { MemberList } from '@/components/office/member-list';

const meta = { ip: '203.0.113.5', userAgent: 'test' };
const save = (browser: FakeBrowser, fields: Record<string, string>) => as(browser, () => saveTwoFactorRequirement(noState, form(fields)));
const session = async (browser: FakeBrowser) => (await as(browser, getCurrentSession)).result;

async function officeWithAdmin() {
  // The admin has 2FA: changing the requirement needs a fresh second-factor check (S25).
  const admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
  const member = await createUser({ officeId: admin.officeId });
  const colleague = await createUser({ officeId: admin.officeId });
  const protectedMember = await createUser({ officeId: admin.officeId, twoFactor: true });
  return { admin, member, colleague, protectedMember, officeId: admin.officeId! };
}

describe('the office setting', () => {
  it('shows who is affected and by when, then applies on the second click, audited, notifying each affected user', async () => {
    const { admin, member, colleague, protectedMember, officeId } = await officeWithAdmin();
    const browser = await signedInBrowser(admin);

    const preview = await save(browser, { required: 'on', graceDays: '14' });
    expect(preview.result?.fieldErrors?.confirm).toBeDefined();
    // The member and the colleague have no 2FA; the admin and the protected member have.
    expect(preview.result?.message).toMatch(/^2 users do not have two-factor authentication yet\. They must enable it by /);
    expect((await db.office.findUniqueOrThrow({ where: { id: officeId } })).twoFactorRequired).toBe(false);

    await expect(save(browser, { required: 'on', graceDays: '14', confirm: 'yes' })).resolves.toEqual({ redirect: '/office?saved=1' });
    const office = await db.office.findUniqueOrThrow({ where: { id: officeId } });
    expect(office.twoFactorRequired).toBe(true);
    expect(Math.round((office.twoFactorDeadline!.getTime() - Date.now()) / DAY_MS)).toBe(14);
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: 'office.two_factor_required', officeId } });
    expect(event.actorUserId).toBe(admin.id);
    const notified = await db.outboxMessage.findMany({ where: { kind: 'two_factor_required' }, select: { userId: true } });
    expect(notified.map((n) => n.userId).sort()).toEqual([colleague.id, member.id].sort());
    expect(notified.map((n) => n.userId)).not.toContain(protectedMember.id);

    await expect(save(browser, { graceDays: '14' })).resolves.toEqual({ redirect: '/office?saved=1' });
    expect((await db.office.findUniqueOrThrow({ where: { id: officeId } })).twoFactorRequired).toBe(false);
    expect(await db.auditEvent.count({ where: { type: 'office.two_factor_requirement_lifted', officeId } })).toBe(1);
  });

  it.each([
    ['a negative grace period', '-1'],
    ['letters', 'soon'],
    ['a fraction', '1.5'],
    ['too long', '365'],
  ])('refuses %s with a message, changing nothing', async (_label, graceDays) => {
    const { admin, officeId } = await officeWithAdmin();
    const browser = await signedInBrowser(admin);
    const outcome = await save(browser, { required: 'on', graceDays, confirm: 'yes' });
    expect(outcome.result?.fieldErrors?.graceDays).toBeDefined();
    expect((await db.office.findUniqueOrThrow({ where: { id: officeId } })).twoFactorRequired).toBe(false);
  });

  it("changes only the admin's own office: a forged office id is ignored", async () => {
    const a = await officeWithAdmin();
    const b = await officeWithAdmin();
    const browser = await signedInBrowser(a.admin);
    await save(browser, { required: 'on', graceDays: '0', confirm: 'yes', officeId: b.officeId });
    expect((await db.office.findUniqueOrThrow({ where: { id: b.officeId } })).twoFactorRequired).toBe(false);
    expect((await db.office.findUniqueOrThrow({ where: { id: a.officeId } })).twoFactorRequired).toBe(true);
  });

  it('refuses anonymous, pending, plain user, helpdesk and another-office callers', async () => {
    const { member, officeId } = await officeWithAdmin();
    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const pendingAdmin = await createUser({ role: 'OFFICE_ADMIN', officeId, twoFactor: true });
    const callers: Array<[string, FakeBrowser, string]> = [
      ['anonymous', new FakeBrowser(), '/login'],
      ['pending admin', await pendingBrowser(pendingAdmin), '/login/verify'],
      ['user', await signedInBrowser(member), '/'],
      ['helpdesk', await signedInBrowser(agent), '/'],
    ];
    for (const [who, browser, expected] of callers) {
      expect([who, await save(browser, { required: 'on', graceDays: '0', confirm: 'yes' })]).toEqual([who, { redirect: expected }]);
    }
    expect((await db.office.findUniqueOrThrow({ where: { id: officeId } })).twoFactorRequired).toBe(false);
  });
});

describe('users of an office that requires 2FA', () => {
  it('within the grace period: in as usual, with the deadline to show in a banner', async () => {
    const { admin, member, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 7 }, meta);
    const browser = await signedInBrowser(member);
    const s = await session(browser);
    expect(s?.user.mustEnrolNow).toBe(false);
    expect(s?.user.twoFactorDeadline).toBeInstanceOf(Date);
    await expect(as(browser, requireActiveSession)).resolves.toMatchObject({ result: { user: { id: member.id } } });
  });

  it('with a grace period of 0: signing in leads to enrolment and nothing else until a code turns 2FA on', async () => {
    const { admin, member, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 0 }, meta);
    const browser = await signedInBrowser(member);
    await expect(as(browser, requireActiveSession)).resolves.toEqual({ redirect: '/settings/2fa' });

    await expect(as(browser, beginEnrolment)).resolves.toEqual({ redirect: '/settings/2fa/enable' });
    const secret = (await readEnrolment(member.id))!.key;
    await expect(as(browser, () => finishEnrolment(noState, form({ code: authenticatorCode(secret) })))).resolves.toMatchObject({ result: { ok: true } });
    await expect(as(browser, requireActiveSession)).resolves.toMatchObject({ result: { user: { id: member.id } } });
  });

  it('enforces a deadline that passes while a session is open, on the next request', async () => {
    const { admin, member, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 3 }, meta);
    const browser = await signedInBrowser(member);
    await expect(as(browser, requireActiveSession)).resolves.toHaveProperty('result');
    await db.office.update({ where: { id: officeId }, data: { twoFactorDeadline: new Date(Date.now() - 1000) } });
    await expect(as(browser, requireActiveSession)).resolves.toEqual({ redirect: '/settings/2fa' });
  });

  it('never extends the deadline by turning the requirement on, off and on again', async () => {
    const { admin, officeId } = await officeWithAdmin();
    const t0 = new Date();
    const first = await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 10 }, meta, t0);
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: false, graceDays: 10 }, meta, new Date(t0.getTime() + DAY_MS));
    const again = await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 10 }, meta, new Date(t0.getTime() + 2 * DAY_MS));
    expect(again.deadline).toEqual(first.deadline);
  });

  it('gives a user created after the requirement started their grace period from creation', async () => {
    const { admin, member, officeId } = await officeWithAdmin();
    await db.user.update({ where: { id: member.id }, data: { officeJoinedAt: new Date(Date.now() - 20 * DAY_MS) } }); // there before it started
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 5 }, meta, new Date(Date.now() - 10 * DAY_MS));
    const newcomer = await createUser({ officeId });
    const s = await session(await signedInBrowser(newcomer));
    expect(s?.user.mustEnrolNow).toBe(false);
    expect(Math.round((s!.user.twoFactorDeadline!.getTime() - Date.now()) / DAY_MS)).toBe(5);
    const { members } = await listOfficeMembers(officeId, {});
    expect(members.find((m) => m.id === newcomer.id)?.pastDeadline).toBe(false);
    expect(members.find((m) => m.id === member.id)?.pastDeadline).toBe(true);
  });

  it('cannot disable 2FA while the office requires it; the page says why', async () => {
    const { admin, protectedMember, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 0 }, meta);
    const browser = await signedInBrowser(protectedMember);
    const outcome = await as(browser, () => turnOffTwoFactor(noState, form({ password: protectedMember.password })));
    expect(outcome.result?.message).toBe(translateMessage('en', REQUIRED_BY_OFFICE));
    expect(await db.totpCredential.count({ where: { userId: protectedMember.id } })).toBe(1);
  });

  it('after a helpdesk reset, the user must enrol at next sign-in, with no new grace period', async () => {
    const { admin, protectedMember, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 30 }, meta);
    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const data = new FormData();
    for (const [k, v] of Object.entries({ userId: protectedMember.id, ticket: 'HD-5', reason: 'Lost phone, identity confirmed', confirm: protectedMember.id }))
      data.append(k, v);
    data.append('checks', 'callback_phone_on_file');
    data.append('checks', 'office_admin_confirmed');
    expect((await as(await signedInBrowser(agent), () => resetUserTwoFactor(noState, data))).result?.ok).toBe(true);

    const browser = await signedInBrowser({ ...protectedMember, secret: null });
    await expect(as(browser, requireActiveSession)).resolves.toEqual({ redirect: '/settings/2fa' });
  });
});

describe('in the admin’s language, with deadlines in their time zone', () => {
  /** Brussels time with its zone named, in each language's own way: "29 nov 2026, 08:14 CET", in French "UTC+1". */
  const BRUSSELS_NL = String.raw`\d{1,2} \S+ \d{4}, \d{2}:\d{2} (CET|CEST)`;
  const BRUSSELS_FR = String.raw`\d{1,2} \S+ \d{4}, \d{2}:\d{2} UTC\+[12]`;

  it('answers a Dutch admin in Dutch, with the right plural and the deadline in Brussels time', async () => {
    const { admin } = await officeWithAdmin();
    const browser = await signedInBrowser(admin);
    browser.headers.set('accept-language', 'nl-BE,nl;q=0.9,en;q=0.8');
    const preview = await save(browser, { required: 'on', graceDays: '0' });
    expect(preview.result?.message).toMatch(
      new RegExp(
        `^2 gebruikers hebben nog geen tweestapsverificatie ingeschakeld en moeten dat doen vóór ${BRUSSELS_NL} \\(bij de volgende keer inloggen\\)\\.$`,
      ),
    );

    const protectedAdmin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
    await createUser({ officeId: protectedAdmin.officeId });
    const alone = await signedInBrowser(protectedAdmin);
    alone.headers.set('accept-language', 'nl-BE');
    expect((await save(alone, { required: 'on', graceDays: '7' })).result?.message).toMatch(
      new RegExp(`^1 gebruiker heeft nog geen tweestapsverificatie ingeschakeld en moet dat doen vóór ${BRUSSELS_NL}\\.$`),
    );
  });

  it('says the longest grace period with its plural, in English and in French', async () => {
    const { admin } = await officeWithAdmin();
    const browser = await signedInBrowser(admin);
    expect((await save(browser, { required: 'on', graceDays: '365' })).result?.fieldErrors?.graceDays).toEqual(['The grace period is at most 90 days.']);
    browser.cookies.set('portal_locale', 'fr');
    expect((await save(browser, { required: 'on', graceDays: '365' })).result?.fieldErrors?.graceDays).toEqual([
      'Le délai de grâce est de 90 jours au maximum.',
    ]);
    expect((await save(browser, { required: 'on', graceDays: 'bientôt' })).result?.fieldErrors?.graceDays).toEqual([
      'Saisissez le délai de grâce en nombre de jours.',
    ]);
  });

  it('shows the office page in French: the deadline in Brussels time with the zone named, and who never signed in', async () => {
    const { admin, officeId } = await officeWithAdmin();
    await setTwoFactorRequirement({ officeId, adminId: admin.id, required: true, graceDays: 14 }, meta);
    const browser = await signedInBrowser(admin);
    browser.cookies.set('portal_locale', 'fr');
    const page = (await as(browser, () => OfficePage({ searchParams: Promise.resolve({}) }))).result;
    expect(textOf(findElement(page, { testId: 'office-deadline' }))).toMatch(
      new RegExp(`^Obligatoire depuis que ce bureau l’a activée\\. Date limite pour les utilisateurs actuels\u202f: ${BRUSSELS_FR}\\.$`),
    );
    const list = findElement(page, { type: MemberList })!;
    const text = textOf((await as(browser, () => MemberList(list.props as Parameters<typeof MemberList>[0]))).result);
    expect(text).toMatch(new RegExp(`Jusqu’au ${BRUSSELS_FR}`)); // the grace period of those without 2FA
    expect(text).toContain('Jamais'); // the member who never signed in
    expect(text).toContain('Dernière connexion');
  });
});
