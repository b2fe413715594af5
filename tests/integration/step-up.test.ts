/**
 * S25 "Confirm it's you" and S26 (the password again to turn 2FA on), through the real actions
 * on a real database: a privileged action without a fresh second-factor check changes nothing
 * and leads to the check; the check shares the login's claims and limits.
 */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

import { db } from '@/lib/db';
import { resetUserTwoFactor, unlockUserAccount } from '@/app/(app)/helpdesk/users/[id]/actions';
import { signOutUserEverywhere } from '@/app/(app)/helpdesk/users/[id]/sign-out-everywhere-actions';
import { saveTwoFactorRequirement } from '@/app/(app)/office/actions';
import { beginEnrolment, finishEnrolment, generateRecoveryCodes } from '@/app/(app)/settings/2fa/actions';
import { confirmPasswordToEnable } from '@/app/(app)/settings/2fa/password/actions';
import { confirmItsYou } from '@/app/(app)/confirm/actions';
import { sendReminderNow } from '@/app/(app)/office/reminders/actions';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { postCode, postLogin } from '../helpers/login-steps';
import ConfirmPage from '@/app/(app)/confirm/page';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { hasFreshSecondFactor, hasRecentSignIn } from '@/lib/auth/session-checks';
import { CODE_FAILURE_LIMIT, CHALLENGE_ATTEMPT_LIMIT, STEP_UP_WINDOW_MS } from '@/lib/auth/limits';
import type { FormState } from '@/lib/forms/form-state';
import { IDENTITY_CHECK_IDS, MIN_IDENTITY_CHECKS } from '@/lib/helpdesk/identity-checks';
import { createUser, type TestUser } from '../helpers/factories';
import { findElement, textOf } from '../helpers/react-tree';
import { ConfirmItsYouForm } from '@/components/step-up/confirm-its-you-form';
import { Notice } from '@/components/ui/notice';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';

const MINUTE_MS = 60_000;
const sessionIdOf = (browser: FakeBrowser) => sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);

/** The session's last check, moved into the past: what the clock does in 11 minutes. */
async function ageCheck(browser: FakeBrowser, ms = STEP_UP_WINDOW_MS + MINUTE_MS) {
  await db.sessionCheck.update({ where: { sessionId: sessionIdOf(browser) }, data: { secondFactorAt: new Date(Date.now() - ms) } });
}

/** The app's next code (a step after the login's own, so it is not a replay). */
const nextCode = (user: TestUser) => authenticatorCode(user.secret!, Date.now(), 1);
const confirm = (browser: FakeBrowser, fields: Record<string, string>) => as(browser, () => confirmItsYou(noState, form(fields)));

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Privileged = {
  name: string;
  action: Action;
  /** A signed-in caller, the fields of a valid request, where /confirm comes back to, and what the request changes. */
  setup: () => Promise<{ browser: FakeBrowser; user: TestUser; fields: Record<string, string>; returnTo: string; changed: () => Promise<unknown> }>;
};

const agentCase = async (target: TestUser, fields: Record<string, string>, changed: () => Promise<unknown>) => {
  const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
  return { browser: await signedInBrowser(agent), user: agent, fields: { userId: target.id, ...fields }, returnTo: `/helpdesk/users/${target.id}`, changed };
};

const PRIVILEGED: Privileged[] = [
  {
    name: 'the helpdesk reset',
    action: resetUserTwoFactor,
    async setup() {
      const target = await createUser({ twoFactor: true });
      const fields = { ticket: 'HD-1', reason: 'Lost phone, called back', confirm: target.id };
      return {
        ...(await agentCase(target, fields, () => db.totpCredential.count({ where: { userId: target.id } }))),
        // form() takes one value a name: the reset's identity checks are several values of one.
        checks: IDENTITY_CHECK_IDS.slice(0, MIN_IDENTITY_CHECKS),
      };
    },
  },
  {
    name: 'the helpdesk unlock',
    action: unlockUserAccount,
    async setup() {
      const target = await createUser({ twoFactor: true });
      await db.user.update({ where: { id: target.id }, data: { codeFailures: CODE_FAILURE_LIMIT, codeLockedUntil: new Date(Date.now() + MINUTE_MS) } });
      return agentCase(target, { ticket: 'HD-2', reason: 'Locked out, called back' }, () =>
        db.user.findUniqueOrThrow({ where: { id: target.id }, select: { codeLockedUntil: true } }),
      );
    },
  },
  {
    name: 'the helpdesk sign out everywhere',
    action: signOutUserEverywhere,
    async setup() {
      const target = await createUser({ twoFactor: true });
      await signedInBrowser(target);
      return agentCase(target, { ticket: 'HD-3', reason: 'Laptop stolen, called back' }, () => db.session.count({ where: { userId: target.id } }));
    },
  },
  {
    name: 'the office requirement',
    action: saveTwoFactorRequirement,
    async setup() {
      const admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
      await createUser({ officeId: admin.officeId });
      return {
        browser: await signedInBrowser(admin),
        user: admin,
        fields: { required: 'on', graceDays: '7', confirm: 'yes' },
        returnTo: '/office',
        changed: () => db.office.findUniqueOrThrow({ where: { id: admin.officeId! }, select: { twoFactorRequired: true, twoFactorGraceDays: true } }),
      };
    },
  },
  {
    name: 'Send a reminder now',
    action: sendReminderNow,
    async setup() {
      const admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
      const member = await createUser({ officeId: admin.officeId });
      return {
        browser: await signedInBrowser(admin),
        user: admin,
        fields: { confirm: 'yes' },
        returnTo: '/office',
        changed: () => db.outboxMessage.count({ where: { userId: member.id } }),
      };
    },
  },
  {
    name: 'new recovery codes',
    action: generateRecoveryCodes,
    async setup() {
      const user = await createUser({ twoFactor: true });
      return {
        browser: await signedInBrowser(user),
        user,
        fields: { password: user.password },
        returnTo: '/settings/2fa/recovery-codes',
        changed: () => db.recoveryCode.findMany({ where: { userId: user.id }, select: { id: true } }),
      };
    },
  },
];

describe.each(PRIVILEGED.map((row) => [row.name, row] as const))('%s', (_name, { action, setup }) => {
  it('without a fresh check changes nothing and leads to "Confirm it’s you"; after the check it goes through', async () => {
    const { browser, user, fields, returnTo, changed, ...rest } = await setup();
    const data = () => {
      const formData = form(fields);
      for (const check of (rest as { checks?: readonly string[] }).checks ?? []) formData.append('checks', check);
      return formData;
    };
    await ageCheck(browser);
    const before = await changed();
    const auditBefore = await db.auditEvent.count();

    // Without JavaScript: to the /confirm page, which comes back here.
    expect(await as(browser, () => action(noState, data()))).toEqual({ redirect: `/confirm?next=${encodeURIComponent(returnTo)}` });
    // With JavaScript: the answer opens the check beside the form.
    const inline = data();
    inline.set('stepUpInline', '1');
    expect(await as(browser, () => action(noState, inline))).toEqual({ result: { stepUp: 'confirm', stepUpMethods: { app: true, key: false } } });
    expect(await changed()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);

    // The /confirm page's form goes back to where the user was.
    expect(await confirm(browser, { code: nextCode(user), next: returnTo })).toEqual({ redirect: returnTo });
    const after = await as(browser, () => action(noState, data()));
    expect(after.result?.stepUp).toBeUndefined();
    expect(await changed()).not.toEqual(before);
  });
});

describe('the window', () => {
  it('is STEP_UP_WINDOW_MS from the last check: the login’s code step is one, the clock decides', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    const sessionId = sessionIdOf(browser);
    const { secondFactorAt } = await db.sessionCheck.findUniqueOrThrow({ where: { sessionId } });
    const at = (ms: number) => new Date(secondFactorAt!.getTime() + ms);
    expect(await hasFreshSecondFactor(sessionId, at(STEP_UP_WINDOW_MS - 1000))).toBe(true);
    expect(await hasFreshSecondFactor(sessionId, at(STEP_UP_WINDOW_MS + 1000))).toBe(false);
  });

  it('is not opened by a sign-in without a code: a user without 2FA, an office admin, is asked to turn it on first', async () => {
    const admin = await createUser({ role: 'OFFICE_ADMIN' });
    const browser = await signedInBrowser(admin);
    expect(await hasFreshSecondFactor(sessionIdOf(browser))).toBe(false);
    const data = form({ required: 'on', graceDays: '7', confirm: 'yes', stepUpInline: '1' });
    expect(await as(browser, () => saveTwoFactorRequirement(noState, data))).toEqual({ result: { stepUp: 'enable-two-factor' } });
    expect((await db.office.findUniqueOrThrow({ where: { id: admin.officeId! } })).twoFactorRequired).toBe(false);
    // The /confirm page says so, with the way to Manage 2FA.
    const page = (await as(browser, () => ConfirmPage({ searchParams: Promise.resolve({ next: '/office' }) }))).result;
    expect(findElement(page, { type: ConfirmItsYouForm })).toBeNull();
    expect(textOf(findElement(page, { type: Notice })?.props.children)).toMatch(/Turn it on first/);
  });

  it('is not opened by a check of another session', async () => {
    const user = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const first = await signedInBrowser(user);
    const second = new FakeBrowser();
    await postLogin(second, form({ email: user.email, password: user.password }));
    await postCode(second, form({ code: nextCode(user) }));
    await ageCheck(first);
    expect(await hasFreshSecondFactor(sessionIdOf(second))).toBe(true);
    expect(await hasFreshSecondFactor(sessionIdOf(first))).toBe(false);
  });
});

describe('the check', () => {
  it('refuses a code already used to log in (a replay), audited, and the window stays shut', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = new FakeBrowser();
    await postLogin(browser, form({ email: user.email, password: user.password }));
    const loginCode = authenticatorCode(user.secret!);
    expect(await postCode(browser, form({ code: loginCode }))).toEqual({ redirect: '/' });
    await ageCheck(browser);
    const outcome = await confirm(browser, { code: loginCode });
    expect(outcome.result?.fieldErrors?.code?.[0]).toMatch(/already been used/);
    expect(await hasFreshSecondFactor(sessionIdOf(browser))).toBe(false);
    expect(await db.auditEvent.findFirst({ where: { subjectUserId: user.id, type: 'step_up.failed' }, orderBy: { id: 'desc' } })).toMatchObject({
      outcome: 'FAILURE',
      details: expect.stringContaining('replayed'),
    });
  });

  it('claims its code: the same code cannot then log in elsewhere', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await ageCheck(browser);
    const code = nextCode(user);
    expect((await confirm(browser, { code })).result).toMatchObject({ ok: true });
    expect(await hasFreshSecondFactor(sessionIdOf(browser))).toBe(true);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.passed', outcome: 'SUCCESS', factor: 'totp' } })).toBe(1);

    const elsewhere = await pendingBrowser(user);
    const outcome = await postCode(elsewhere, form({ code }));
    expect(outcome.result?.fieldErrors?.code?.[0]).toMatch(/already been used/);
  });

  it('takes a recovery code once: used at the check, it cannot log in', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    const codes = (await as(browser, () => generateRecoveryCodes(noState, form({ password: user.password })))).result!.recoveryCodes!;
    await ageCheck(browser);
    expect((await confirm(browser, { method: 'recovery_code', recoveryCode: codes[0] })).result).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.passed', factor: 'recovery_code' } })).toBe(1);
    await ageCheck(browser);
    expect((await confirm(browser, { method: 'recovery_code', recoveryCode: codes[0] })).result?.fieldErrors?.recoveryCode?.[0]).toMatch(/already been used/);
    const elsewhere = await pendingBrowser(user);
    const login = await as(elsewhere, () => verifyRecoveryCode(noState, form({ recoveryCode: codes[0] })));
    expect(login.result?.fieldErrors?.recoveryCode?.[0]).toMatch(/already been used/);
  });

  it('counts wrong codes on the account’s counter the login shares: at the limit both lock', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await ageCheck(browser);
    expect((await confirm(browser, { code: wrongCode(user.secret!) })).result?.message).toMatch(/attempts? left/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(1);

    // One short of the lock, as if the rest had been guessed at logins elsewhere.
    await db.user.update({ where: { id: user.id }, data: { codeFailures: CODE_FAILURE_LIMIT - 1 } });
    expect((await confirm(browser, { code: wrongCode(user.secret!) })).result?.message).toMatch(/paused/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeLockedUntil).not.toBeNull();
    // Locked for the check (even with the right code) and for logging in.
    expect((await confirm(browser, { code: nextCode(user) })).result?.message).toMatch(/paused/);
    expect(await hasFreshSecondFactor(sessionIdOf(browser))).toBe(false);
    const elsewhere = await pendingBrowser(user);
    expect(await postCode(elsewhere, form({ code: nextCode(user) }))).toEqual({ redirect: '/login?notice=code-locked' });
  });

  it(`ends the session after ${CHALLENGE_ATTEMPT_LIMIT} wrong codes, as a used-up login challenge`, async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await ageCheck(browser);
    const sessionId = sessionIdOf(browser);
    for (let i = 1; i < CHALLENGE_ATTEMPT_LIMIT; i++)
      expect((await confirm(browser, { code: wrongCode(user.secret!) })).result?.fieldErrors?.code).toBeDefined();
    expect(await confirm(browser, { code: wrongCode(user.secret!) })).toEqual({ redirect: '/login?notice=start-again' });
    expect(await db.session.count({ where: { id: sessionId } })).toBe(0);
  });
});

describe('turning 2FA on (S26)', () => {
  async function staleSignIn() {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await db.session.update({ where: { id: sessionIdOf(browser) }, data: { createdAt: new Date(Date.now() - STEP_UP_WINDOW_MS - MINUTE_MS) } });
    return { user, browser };
  }

  it('is open right after signing in', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    expect(await hasRecentSignIn(sessionIdOf(browser))).toBe(true);
    expect(await as(browser, beginEnrolment)).toEqual({ redirect: '/settings/2fa/enable' });
  });

  it('asks for the password again when the sign-in is older than the window; nothing starts before it', async () => {
    const { user, browser } = await staleSignIn();
    expect(await as(browser, beginEnrolment)).toEqual({ redirect: '/settings/2fa/password' });
    expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(0);

    const wrong = await as(browser, () => confirmPasswordToEnable(noState, form({ password: 'not it' })));
    expect(wrong.result?.fieldErrors?.password).toBeDefined();
    expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.password_failed' } })).toBe(1);

    expect(await as(browser, () => confirmPasswordToEnable(noState, form({ password: user.password })))).toEqual({ redirect: '/settings/2fa/enable' });
    expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.password_passed' } })).toBe(1);
  });

  it('refuses to confirm an enrolment started earlier in a session that has since gone stale', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await as(browser, beginEnrolment);
    const enrolment = await db.totpEnrolment.findUniqueOrThrow({ where: { userId: user.id } });
    await db.session.update({ where: { id: sessionIdOf(browser) }, data: { createdAt: new Date(Date.now() - STEP_UP_WINDOW_MS - MINUTE_MS) } });
    // The code does not matter: the request is refused before it is read.
    expect(await as(browser, () => finishEnrolment(noState, form({ code: '123456' })))).toEqual({ redirect: '/settings/2fa/password' });
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.totpEnrolment.findUnique({ where: { userId: user.id } })).toEqual(enrolment);
  });
});
