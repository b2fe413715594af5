/** Recovery codes through their server actions, against a real database (S4, S5, S9, S11–S14). */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { beginEnrolment, finishEnrolment, generateRecoveryCodes, turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { postCode } from '../helpers/login-steps';
import { resetUserTwoFactor } from '@/app/(app)/helpdesk/users/[id]/actions';
import { getCurrentSession } from '@/lib/auth/guards';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { verifySecondFactor } from '@/lib/auth/verify-second-factor';
import * as LOGIN_MESSAGES from '@/lib/auth/login-messages';
import { RECOVERY_CODE_FORMAT_MESSAGE as RECOVERY_CODE_FORMAT } from '@/lib/two-factor/recovery-code-format';
import { english } from '../helpers/english';
import { PASSWORD_INCORRECT as PASSWORD_INCORRECT_KEY } from '@/lib/two-factor/messages';
import { translateMessage } from '@/lib/i18n/server';

const RECOVERY_CODE_ALREADY_USED = english(LOGIN_MESSAGES.RECOVERY_CODE_ALREADY_USED);
const RECOVERY_CODE_NOT_ACCEPTED = english(LOGIN_MESSAGES.RECOVERY_CODE_NOT_ACCEPTED);
const RECOVERY_CODE_FORMAT_MESSAGE = english(RECOVERY_CODE_FORMAT);
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';
import { findElement, textOf } from '../helpers/react-tree';
import AppLayout from '@/app/(app)/layout';

// These tests' browsers ask for no language: the default, English.
const PASSWORD_INCORRECT = translateMessage('en', PASSWORD_INCORRECT_KEY);

const useRecoveryCode = (browser: FakeBrowser, recoveryCode: string, callbackUrl = '/') =>
  as(browser, () => verifyRecoveryCode(noState, form({ recoveryCode, callbackUrl })));
const regenerate = (browser: FakeBrowser, password: string) => as(browser, () => generateRecoveryCodes(noState, form({ password })));
const sessionIdOf = (browser: FakeBrowser) => sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
const auditOf = async (userId: string) =>
  db.auditEvent.findMany({ where: { subjectUserId: userId }, orderBy: { id: 'asc' }, select: { type: true, outcome: true, factor: true, details: true } });
// Each fresh test browser is a new device to the account: its "new sign-in" e-mail (S19) is shown elsewhere.
const outboxKinds = async (userId: string) =>
  (await db.outboxMessage.findMany({ where: { userId, kind: { not: 'new_sign_in' } }, orderBy: { createdAt: 'asc' } })).map((m) => m.kind);
const unusedCodes = (userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } });

/** A user who enabled 2FA through Manage 2FA, with the recovery codes the success step showed them. */
async function userWithRecoveryCodes(): Promise<{ user: TestUser; codes: string[]; browser: FakeBrowser }> {
  const created = await createUser();
  const browser = await signedInBrowser(created);
  await as(browser, beginEnrolment);
  const secret = (await readEnrolment(created.id))!.key;
  const done = await as(browser, () => finishEnrolment(noState, form({ code: authenticatorCode(secret) })));
  return { user: { ...created, secret }, codes: done.result!.recoveryCodes!, browser };
}

describe('recovery codes made when 2FA is enabled', () => {
  it('are 10 distinct codes like XXXXX-XXXXX, returned once, and stored only as keyed hashes (S13)', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);

    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of codes) {
      const plain = code.replace('-', '');
      expect(stored).not.toContain(plain);
      expect(stored).not.toContain(code);
      // Not a plain, unkeyed hash either: without the server key the table is worth nothing.
      expect(stored).not.toContain(createHash('sha256').update(plain).digest('hex'));
    }
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.codeHash) && row.usedAt === null)).toBe(true);
    const enabled = (await auditOf(user.id)).find((e) => e.type === 'two_factor.enabled');
    expect(JSON.parse(enabled!.details)).toEqual({ recoveryCodes: 10 });
  });

  it('are replaced by a new set when 2FA is enabled again', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    await as(browser, () => turnOffTwoFactor(noState, form({ password: user.password })));
    await as(browser, beginEnrolment);
    const secret = (await readEnrolment(user.id))!.key;
    const again = await as(browser, () => finishEnrolment(noState, form({ code: authenticatorCode(secret) })));
    expect(again.result?.recoveryCodes).toHaveLength(10);
    expect(again.result?.recoveryCodes).not.toEqual(expect.arrayContaining([codes[0]]));
    const pending = await pendingBrowser(user);
    expect((await useRecoveryCode(pending, codes[0])).result?.fieldErrors?.recoveryCode).toEqual([RECOVERY_CODE_NOT_ACCEPTED]);
  });
});

describe('logging in with a recovery code', () => {
  it('signs in once with a code, audits it, tells the user and says how many are left', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    const pendingToken = browser.cookies.get(SESSION_COOKIE);

    await expect(useRecoveryCode(browser, codes[3], '/settings/2fa')).resolves.toEqual({ redirect: '/settings/2fa' });
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(pendingToken);
    const session = (await as(browser, getCurrentSession)).result;
    expect(session).toMatchObject({ stage: 'ACTIVE', secondFactor: 'recovery_code', user: { id: user.id } });
    expect(await unusedCodes(user.id)).toBe(9);

    const events = await auditOf(user.id);
    expect(events.slice(-2).map((e) => [e.type, e.outcome, e.factor])).toEqual([
      ['login.recovery_code_used', 'SUCCESS', 'recovery_code'],
      ['login.completed', 'SUCCESS', 'recovery_code'],
    ]);
    expect(JSON.parse(events.at(-2)!.details)).toEqual({ codesLeft: 9 });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'recovery_code_used' } });
    expect(message.body).toContain('You have 9 unused recovery codes left.');
    expect(message.body).toContain('198.51.100.7');
  });

  it('never signs in twice with the same code, and tells the user about the second try', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    await expect(useRecoveryCode(await pendingBrowser(user), codes[0])).resolves.toEqual({ redirect: '/' });

    const again = await pendingBrowser(user);
    expect((await useRecoveryCode(again, codes[0])).result).toEqual({
      fieldErrors: { recoveryCode: [RECOVERY_CODE_ALREADY_USED] },
      message: '4 attempts left before you need to log in again.',
    });
    expect((await as(again, getCurrentSession)).result?.stage).toBe('PENDING_2FA');
    expect((await auditOf(user.id)).map((e) => e.type)).toContain('login.recovery_code_replayed');
    expect(await outboxKinds(user.id)).toEqual(['two_factor_enabled', 'recovery_code_used', 'recovery_code_replayed']);
    // Another, unused code still works.
    await expect(useRecoveryCode(again, codes[1])).resolves.toEqual({ redirect: '/' });
  });

  it('lets exactly one of two simultaneous logins with one code through', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const [a, b] = [await pendingBrowser(user), await pendingBrowser(user)];
    const code = codes[5].replace('-', '');
    const results = await Promise.all([
      verifySecondFactor({ sessionId: sessionIdOf(a), factor: 'recovery_code', code }, { ip: null, userAgent: 'a' }),
      verifySecondFactor({ sessionId: sessionIdOf(b), factor: 'recovery_code', code }, { ip: null, userAgent: 'b' }),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['replayed', 'signed-in']);
    expect(await db.session.count({ where: { userId: user.id, stage: 'ACTIVE', secondFactor: 'recovery_code' } })).toBe(1);
    expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  });

  it('accepts a code in any case, with spaces or dashes', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const plain = (code: string) => code.replace('-', '');
    const variants = [
      codes[0].toLowerCase(),
      ` ${plain(codes[1]).slice(0, 3)} ${plain(codes[1]).slice(3, 7)} ${plain(codes[1]).slice(7)} `,
      plain(codes[2]),
      codes[3].replace('-', '\u2013'), // an en dash, as a word processor writes it
      codes[4].replace('-', ' - '),
      `${codes[5].slice(0, 4).toLowerCase()}${codes[5].slice(4)}`,
    ];
    for (const variant of variants) expect([variant, await useRecoveryCode(await pendingBrowser(user), variant)]).toEqual([variant, { redirect: '/' }]);
    expect(await unusedCodes(user.id)).toBe(4);
  });

  it.each([
    ['empty', ''],
    ['nine characters', 'ABCDE-FGHJ'],
    ['eleven characters', 'ABCDE-FGHJKL'],
    ['look-alikes that are never in a code', 'ABCDE-FGH10'],
    ['the letter O', 'ABCDE-FGHJO'],
    ['a 6-digit app code', '123456'],
    ['full-width letters', 'ＡＢＣＤＥ-ＦＧＨＪＫ'],
    ['a letter that upper-cases into two', 'ABCDE-FGHß'],
    ['a 10 kB string', 'A'.repeat(10_240)],
    ['sql', "ABCDE' OR 1=1"],
  ])('answers %s with a message, using no attempt and writing nothing (S14)', async (_label, input) => {
    const { user } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    const before = await db.auditEvent.count();
    expect((await useRecoveryCode(browser, input)).result).toEqual({ fieldErrors: { recoveryCode: [RECOVERY_CODE_FORMAT_MESSAGE] } });
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionIdOf(browser) } })).codeAttempts).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(0);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it('answers a missing field like an empty one', async () => {
    const { user } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    expect((await as(browser, () => verifyRecoveryCode(noState, form({ code: '123456' })))).result?.fieldErrors?.recoveryCode).toEqual([
      RECOVERY_CODE_FORMAT_MESSAGE,
    ]);
  });

  it('does not take another user’s code', async () => {
    const alice = await userWithRecoveryCodes();
    const mallory = await userWithRecoveryCodes();
    const browser = await pendingBrowser(alice.user);
    expect((await useRecoveryCode(browser, mallory.codes[0])).result?.fieldErrors?.recoveryCode).toEqual([RECOVERY_CODE_NOT_ACCEPTED]);
    expect(await unusedCodes(mallory.user.id)).toBe(10);
  });
});

describe('guess limits shared with the app’s codes (S4)', () => {
  it('counts wrong recovery codes on the login challenge together with wrong app codes', async () => {
    const { user } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    for (let i = 0; i < 2; i++) expect((await postCode(browser, form({ code: wrongCode(user.secret!) }))).result).toBeDefined();
    expect((await useRecoveryCode(browser, 'ZZZZZ-ZZZZ2')).result?.message).toBe('2 attempts left before you need to log in again.');
    expect((await useRecoveryCode(browser, 'ZZZZZ-ZZZZ3')).result?.message).toBe('1 attempt left before you need to log in again.');
    await expect(useRecoveryCode(browser, 'ZZZZZ-ZZZZ4')).resolves.toEqual({ redirect: '/login?notice=start-again' });
    expect(await db.session.count({ where: { userId: user.id, stage: 'PENDING_2FA' } })).toBe(0);
    const failures = (await auditOf(user.id)).filter((e) => e.type === 'login.recovery_code_failed');
    expect(failures.map((e) => [e.outcome, e.factor])).toEqual(Array(3).fill(['FAILURE', 'recovery_code']));
  });

  it('locks the second step after 10 wrong codes of either kind; during the lock a right recovery code is refused and stays unused', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const t0 = new Date();
    for (let login = 0; login < 2; login++) {
      const sessionId = sessionIdOf(await pendingBrowser(user));
      for (let i = 0; i < 5; i++)
        await verifySecondFactor({ sessionId, factor: 'recovery_code', code: `WRONG${i}CODE`.replace(/[01IO]/g, '2') }, { ip: null, userAgent: null }, t0);
    }
    expect((await auditOf(user.id)).map((e) => e.type)).toContain('login.code_locked');
    const during = await pendingBrowser(user);
    await expect(useRecoveryCode(during, codes[0])).resolves.toEqual({ redirect: '/login?notice=code-locked' });
    expect(await unusedCodes(user.id)).toBe(10);
    expect((await auditOf(user.id)).at(-1)).toMatchObject({ type: 'login.recovery_code_failed', outcome: 'DENIED' });
  });

  it('bounds parallel guessing with recovery codes on one login to 5 attempts', async () => {
    const { user } = await userWithRecoveryCodes();
    const sessionId = sessionIdOf(await pendingBrowser(user));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        verifySecondFactor(
          { sessionId, factor: 'recovery_code', code: `GUESS${String(i).padStart(5, '2')}`.replace(/[01]/g, '3') },
          { ip: null, userAgent: null },
        ),
      ),
    );
    expect(results.filter((r) => r.kind === 'wrong').length).toBeLessThanOrEqual(4);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBeLessThanOrEqual(5);
  });

  it('starts the count of failures again after a recovery code signs in', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    await useRecoveryCode(browser, 'ZZZZZ-ZZZZ2');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(1);
    await useRecoveryCode(browser, codes[0]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(0);
  });
});

describe('new recovery codes', () => {
  it('need the password; a wrong one is audited and changes nothing', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    const before = await db.recoveryCode.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } });
    expect((await regenerate(browser, 'not my password')).result).toEqual({ fieldErrors: { password: [PASSWORD_INCORRECT] } });
    expect(await db.recoveryCode.findMany({ where: { userId: user.id }, orderBy: { id: 'asc' } })).toEqual(before);
    expect((await auditOf(user.id)).at(-1)).toMatchObject({ type: 'two_factor.recovery_codes_generate_failed', outcome: 'FAILURE' });
    await expect(useRecoveryCode(await pendingBrowser(user), codes[0])).resolves.toEqual({ redirect: '/' });
  });

  it('replace the whole set: the old codes, used or not, stop working at once', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    await useRecoveryCode(await pendingBrowser(user), codes[0]);
    const outcome = await regenerate(browser, user.password);
    const fresh = outcome.result?.recoveryCodes ?? [];
    expect(outcome.result?.ok).toBe(true);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((code) => codes.includes(code))).toEqual([]);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
    expect(await unusedCodes(user.id)).toBe(10);

    const pending = await pendingBrowser(user);
    expect((await useRecoveryCode(pending, codes[1])).result?.fieldErrors?.recoveryCode).toEqual([RECOVERY_CODE_NOT_ACCEPTED]);
    await expect(useRecoveryCode(pending, fresh[9])).resolves.toEqual({ redirect: '/' });
    expect((await auditOf(user.id)).map((e) => e.type)).toContain('two_factor.recovery_codes_generated');
    expect(await outboxKinds(user.id)).toContain('recovery_codes_generated');
  });

  it('share the password guess limit with sign-in (S5)', async () => {
    const { user, browser } = await userWithRecoveryCodes();
    for (let i = 0; i < 9; i++) await regenerate(browser, `wrong ${i}`);
    expect((await regenerate(browser, 'wrong 10')).result?.message).toMatch(/too many unsuccessful attempts/);
    expect((await regenerate(browser, user.password)).result?.message).toMatch(/too many unsuccessful attempts/);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'two_factor.recovery_codes_generated' } })).toBe(0);
  });

  it('are not made for a user without 2FA', async () => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    // The fresh second-factor check comes first (S25), and without 2FA there is none to pass: turn it on first.
    expect(await regenerate(browser, user.password)).toEqual({ redirect: '/confirm?next=%2Fsettings%2F2fa%2Frecovery-codes' });
    expect(await as(browser, () => generateRecoveryCodes(noState, form({ password: user.password, stepUpInline: '1' })))).toEqual({
      result: { stepUp: 'enable-two-factor' },
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it.each([
    ['an empty password', { password: '' }],
    ['no password field', {}],
    ['a 10 kB password', { password: 'p'.repeat(10_240) }],
  ])('answer %s with a field message and change nothing', async (_label, fields) => {
    const { user, browser } = await userWithRecoveryCodes();
    const before = await db.auditEvent.count();
    expect((await as(browser, () => generateRecoveryCodes(noState, form(fields as Record<string, string>)))).result?.fieldErrors?.password).toBeDefined();
    expect(await db.auditEvent.count()).toBe(before);
    expect(await unusedCodes(user.id)).toBe(10);
  });

  it('act only on the caller: a forged user id in the form is ignored', async () => {
    const victim = await userWithRecoveryCodes();
    const attacker = await userWithRecoveryCodes();
    const before = await db.recoveryCode.findMany({ where: { userId: victim.user.id }, orderBy: { id: 'asc' } });
    await as(attacker.browser, () => generateRecoveryCodes(noState, form({ password: attacker.user.password, userId: victim.user.id })));
    expect(await db.recoveryCode.findMany({ where: { userId: victim.user.id }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('recovery codes go with 2FA', () => {
  it('when the user disables 2FA', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    const waiting = await pendingBrowser(user);
    await expect(as(browser, () => turnOffTwoFactor(noState, form({ password: user.password })))).resolves.toEqual({ result: { ok: true } });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    await expect(useRecoveryCode(waiting, codes[0])).resolves.toEqual({ redirect: '/login' });
  });

  it('when the helpdesk resets 2FA; a login already waiting for a code starts again', async () => {
    const agent = await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null });
    const agentBrowser = await signedInBrowser(agent);
    const { user, codes } = await userWithRecoveryCodes();
    const waiting = await pendingBrowser(user);

    const data = form({ userId: user.id, ticket: 'HD-77', reason: 'Lost phone and recovery codes', confirm: user.id });
    for (const check of ['callback_phone_on_file', 'office_admin_confirmed']) data.append('checks', check);
    await expect(as(agentBrowser, () => resetUserTwoFactor(noState, data))).resolves.toMatchObject({ result: { ok: true } });

    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const reset = (await auditOf(user.id)).find((e) => e.type === 'helpdesk.two_factor_reset');
    expect(JSON.parse(reset!.details)).toMatchObject({ recoveryCodesRemoved: 10 });
    // The reset ended the login that was waiting for a code (S9): its recovery code leads nowhere.
    await expect(useRecoveryCode(waiting, codes[0])).resolves.toEqual({ redirect: '/login' });
  });
});

describe('how many codes are left, in the portal’s header area', () => {
  const banner = async (browser: FakeBrowser) => {
    const outcome = await as(browser, () => AppLayout({ children: null }));
    const element = findElement(outcome.result, { testId: 'recovery-codes-banner' });
    return element ? textOf(element) : null;
  };

  it('tells a user who logged in with a recovery code how many are left', async () => {
    const { user, codes } = await userWithRecoveryCodes();
    const browser = await pendingBrowser(user);
    await useRecoveryCode(browser, codes[0]);
    expect(await banner(browser)).toBe('You logged in with a recovery code. You have 9 unused recovery codes left. Manage 2FA');
  });

  it('suggests new codes when two or fewer are left, on every login; not before', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    expect(await banner(browser)).toBeNull();
    for (const code of codes.slice(0, 7)) await useRecoveryCode(await pendingBrowser(user), code);
    expect(await banner(browser)).toBeNull();
    await useRecoveryCode(await pendingBrowser(user), codes[7]);
    expect(await banner(browser)).toBe(
      'You have 2 unused recovery codes left. Generate new ones, so that you can still log in if you lose your phone: New recovery codes',
    );
    const viaApp = await signedInBrowser(user, { atStepOffset: 1 });
    expect(await banner(viaApp)).toMatch(/^You have 2 unused recovery codes left\./);
    await regenerate(browser, user.password);
    expect(await banner(browser)).toBeNull();
  });

  it('says nothing about recovery codes to a user without 2FA', async () => {
    expect(await banner(await signedInBrowser(await createUser()))).toBeNull();
  });
});

describe('who may use these actions', () => {
  it('refuses anonymous and pending callers new codes, and anonymous and signed-in callers the code step, changing nothing', async () => {
    const { user, codes, browser } = await userWithRecoveryCodes();
    const pending = await pendingBrowser(user);
    await expect(regenerate(new FakeBrowser(), user.password)).resolves.toEqual({ redirect: '/login' });
    await expect(regenerate(pending, user.password)).resolves.toEqual({ redirect: '/login/verify' });
    await expect(useRecoveryCode(new FakeBrowser(), codes[0])).resolves.toEqual({ redirect: '/login' });
    await expect(useRecoveryCode(browser, codes[0])).resolves.toEqual({ redirect: '/' });
    expect(await unusedCodes(user.id)).toBe(10);
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: { startsWith: 'two_factor.recovery' } } })).toBe(0);
  });
});
