/** Manage 2FA through its server actions, against a real database (S3, S8, S9, S11, S12, S14). */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
import { postCode, postLogin } from '../helpers/login-steps';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { beginEnrolment, finishEnrolment, turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { ENROLMENT_CODE_NOT_ACCEPTED as CODE_NOT_ACCEPTED_KEY, PASSWORD_INCORRECT as PASSWORD_INCORRECT_KEY } from '@/lib/two-factor/messages';
import { translateMessage } from '@/lib/i18n/server';
import { createUser } from '../helpers/factories';
import { signedInBrowser, pendingBrowser } from '../helpers/sign-in';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';
import { findElement } from '../helpers/react-tree';
import DisableTwoFactorPage from '@/app/(app)/settings/2fa/disable/page';
import { DisableForm } from '@/components/two-factor/disable-form';
import { TwoFactorDisabledNotice } from '@/components/two-factor/two-factor-disabled-notice';

// These tests' browsers ask for no language: the default, English.
const ENROLMENT_CODE_NOT_ACCEPTED = translateMessage('en', CODE_NOT_ACCEPTED_KEY);
const PASSWORD_INCORRECT = translateMessage('en', PASSWORD_INCORRECT_KEY);

const begin = (browser: FakeBrowser) => as(browser, beginEnrolment);
const finish = (browser: FakeBrowser, code: string) => as(browser, () => finishEnrolment(noState, form({ code })));
const turnOff = (browser: FakeBrowser, password: string) => as(browser, () => turnOffTwoFactor(noState, form({ password })));
const secretOf = async (userId: string) => (await readEnrolment(userId))!.key;
const events = async (userId: string) =>
  (await db.auditEvent.findMany({ where: { subjectUserId: userId }, orderBy: { id: 'asc' }, select: { type: true, outcome: true } })).map(
    (e) => `${e.type}:${e.outcome}`,
  );

describe('enable 2FA', () => {
  it('needs a right code from the new secret before 2FA is on (S8), then the next login asks for a code', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await expect(begin(browser)).resolves.toEqual({ redirect: '/settings/2fa/enable' });
    const secret = await secretOf(user.id);

    // An unconfirmed secret does not change the login: still password only.
    await expect(postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }))).resolves.toEqual({ redirect: '/' });

    expect((await finish(browser, wrongCode(secret))).result).toEqual({ fieldErrors: { code: [ENROLMENT_CODE_NOT_ACCEPTED] } });
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(0);

    // The answer carries the new recovery codes, this once (S13).
    await expect(finish(browser, authenticatorCode(secret))).resolves.toEqual({ result: { ok: true, recoveryCodes: expect.any(Array) } });
    expect((await as(browser, getCurrentSession)).result?.user.twoFactorEnabledAt).toBeInstanceOf(Date);
    await expect(postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }))).resolves.toEqual({
      redirect: '/login/verify',
    });
    expect(await events(user.id)).toEqual(expect.arrayContaining(['two_factor.enable_failed:FAILURE', 'two_factor.enabled:SUCCESS']));
  });

  it('counts the confirming code as used (S3)', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await begin(browser);
    const secret = await secretOf(user.id);
    const code = authenticatorCode(secret);
    await finish(browser, code);
    const pending = await pendingBrowser({ ...user, secret });
    const replay = await postCode(pending, form({ code }));
    expect(replay.result?.fieldErrors?.code?.[0]).toMatch(/already been used/);
  });

  it('refuses a code from another secret', async () => {
    const user = await createUser();
    const other = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await begin(browser);
    expect((await finish(browser, authenticatorCode(other.secret!))).result?.fieldErrors?.code).toEqual([ENROLMENT_CODE_NOT_ACCEPTED]);
  });

  it('issues a fresh secret when the user starts again; the abandoned one is dead', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await begin(browser);
    const first = await secretOf(user.id);
    await begin(browser);
    const second = await secretOf(user.id);
    expect(second).not.toBe(first);
    expect((await finish(browser, authenticatorCode(first))).result?.fieldErrors?.code).toEqual([ENROLMENT_CODE_NOT_ACCEPTED]);
    await expect(finish(browser, authenticatorCode(second))).resolves.toMatchObject({ result: { ok: true } });
  });

  it('keeps the half-done enrolment across a reload: the same secret is shown again', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await begin(browser);
    expect(await secretOf(user.id)).toBe(await secretOf(user.id));
  });

  it('does not start a second enrolment while 2FA is on', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    await expect(begin(browser)).resolves.toEqual({ redirect: '/settings/2fa' });
    expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(0);
  });

  it('stores the confirmed secret sealed, never in clear (S7)', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await begin(browser);
    const secret = await secretOf(user.id);
    await finish(browser, authenticatorCode(secret));
    const row = await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretCiphertext).not.toContain(secret);
    expect(row.keyId).toBeTruthy();
  });

  it('ends every other session of the user, keeps this one (S9), and notifies (S12)', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    const elsewhere = await signedInBrowser(user);
    await begin(browser);
    await finish(browser, authenticatorCode(await secretOf(user.id)));
    expect((await as(browser, getCurrentSession)).result?.user.id).toBe(user.id);
    expect((await as(elsewhere, getCurrentSession)).result).toBeNull();
    const outbox = await db.outboxMessage.findMany({ where: { userId: user.id, kind: { not: 'new_sign_in' } } });
    expect(outbox.map((m) => m.kind)).toEqual(['two_factor_enabled']);
    expect(outbox[0].body).toContain('198.51.100.7');
  });

  it.each(['', 'abcdef', '12345', '1234567', '１２３４５６', 'x'.repeat(10_240)])(
    'answers the bad code %j with a message and changes nothing',
    async (code) => {
      const user = await createUser();
      const browser = await signedInBrowser(user);
      await begin(browser);
      const before = await db.auditEvent.count();
      expect((await finish(browser, code)).result?.fieldErrors?.code).toEqual(['Enter the 6-digit code from your authentication app.']);
      expect(await db.auditEvent.count()).toBe(before);
      expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(1);
    },
  );
});

describe('disable 2FA', () => {
  it('needs the current password; a wrong one changes nothing', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    expect((await turnOff(browser, 'not my password')).result).toEqual({ fieldErrors: { password: [PASSWORD_INCORRECT] } });
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
    expect(await events(user.id)).toContain('two_factor.disable_failed:FAILURE');
  });

  it('turns 2FA off with the password; the next login needs no code; other sessions end', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    const elsewhere = await signedInBrowser(user, { atStepOffset: 1 });
    await expect(turnOff(browser, user.password)).resolves.toEqual({ result: { ok: true } });
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(0);
    expect((await as(elsewhere, getCurrentSession)).result).toBeNull();
    expect((await as(browser, getCurrentSession)).result?.user.twoFactorEnabledAt).toBeNull();
    await expect(postLogin(new FakeBrowser(), form({ email: user.email, password: user.password }))).resolves.toEqual({ redirect: '/' });
    expect((await db.outboxMessage.findMany({ where: { userId: user.id, kind: { not: 'new_sign_in' } } })).map((m) => m.kind)).toEqual(['two_factor_disabled']);
  });

  it('keeps its confirmation when the page is rendered again right after the action (as development mode does)', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    const before = await as(browser, DisableTwoFactorPage);
    expect(findElement(before.result, { type: DisableForm })).not.toBeNull();

    await expect(turnOff(browser, user.password)).resolves.toEqual({ result: { ok: true } });
    // The page's own re-render after the action: the help text's "disabled" step with Close, not a redirect away.
    const after = await as(browser, DisableTwoFactorPage);
    expect(after.redirect).toBeUndefined();
    expect(findElement(after.result, { type: TwoFactorDisabledNotice })).not.toBeNull();
    expect(findElement(after.result, { type: DisableForm })).toBeNull();
  });

  it('shares the password guess limit with sign-in (S5)', async () => {
    const user = await createUser({ twoFactor: true });
    const browser = await signedInBrowser(user);
    for (let i = 0; i < 9; i++) await turnOff(browser, `wrong ${i}`);
    expect((await turnOff(browser, 'wrong 10')).result?.message).toMatch(/too many unsuccessful attempts/);
    expect((await turnOff(browser, user.password)).result?.message).toMatch(/too many unsuccessful attempts/);
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe('who may call these actions', () => {
  it('refuses anonymous and pending callers for every action, changing nothing', async () => {
    const user = await createUser({ twoFactor: true });
    const pending = await pendingBrowser(user);
    for (const [browser, expected] of [
      [new FakeBrowser(), '/login'],
      [pending, '/login/verify'],
    ] as const) {
      await expect(begin(browser)).resolves.toEqual({ redirect: expected });
      await expect(finish(browser, '123456')).resolves.toEqual({ redirect: expected });
      await expect(turnOff(browser, user.password)).resolves.toEqual({ redirect: expected });
    }
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(1);
  });

  it('acts only on the caller: forged form fields naming another user are ignored', async () => {
    const victim = await createUser({ twoFactor: true });
    const attacker = await createUser();
    const browser = await signedInBrowser(attacker);
    const forged = form({ password: attacker.password, userId: victim.id, email: victim.email });
    const outcome = await as(browser, () => turnOffTwoFactor(noState, forged));
    expect(outcome.result?.message).toBe('Two-factor authentication is already disabled for your account.');
    expect(await db.totpCredential.count({ where: { userId: victim.id } })).toBe(1);
  });
});
