/**
 * The security keys' server actions (S24) as a browser calls them: Manage 2FA's add (options,
 * the authenticator's answer, a name), rename and remove with the password; the login's key
 * step with "remember this browser"; a true replay of an accepted answer.
 */
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { prepareSecurityKey, removeKey, renameKey, saveSecurityKey } from '@/app/(app)/settings/2fa/security-keys/actions';
import { startKeyLogin, verifyKeyLogin } from '@/app/(auth)/login/verify/key-actions';
import { relyingParty } from '@/lib/webauthn/config';
import { confirmItsYouWithKey, startKeyConfirm } from '@/app/(app)/confirm/actions';
import { generateRecoveryCodes } from '@/app/(app)/settings/2fa/actions';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { STEP_UP_WINDOW_MS } from '@/lib/auth/limits';
import { createUser, type TestUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';
import { SoftAuthenticator } from '../helpers/soft-authenticator';

function authenticator() {
  const rp = relyingParty();
  return new SoftAuthenticator({ origin: rp.origin, rpId: rp.id });
}

async function addKeyThroughActions(browser: FakeBrowser, key: SoftAuthenticator, name: string) {
  const prepared = await as(browser, () => prepareSecurityKey(noState, form({})));
  const challenge = prepared.result?.options?.challenge;
  if (!challenge) throw new Error(JSON.stringify(prepared));
  return as(browser, () => saveSecurityKey(noState, form({ name, response: JSON.stringify(key.register({ challenge })) })));
}

async function keyLogin(user: TestUser) {
  const browser = new FakeBrowser();
  const step = await postLogin(browser, form({ email: user.email, password: user.password }));
  expect(step.redirect).toBe('/login/verify');
  const prompt = await as(browser, () => startKeyLogin(noState, form({})));
  const challenge = prompt.result?.options?.challenge;
  if (!challenge) throw new Error(JSON.stringify(prompt));
  return { browser, challenge };
}

it('adds a first key with a name: 2FA on, the recovery codes in the answer; a bad name keeps nothing', async () => {
  const user = await createUser();
  const browser = await signedInBrowser(user);
  const key = authenticator();

  const prepared = await as(browser, () => prepareSecurityKey(noState, form({})));
  const challenge = prepared.result!.options!.challenge;
  const badName = await as(browser, () => saveSecurityKey(noState, form({ name: 'Office\u0007PC', response: JSON.stringify(key.register({ challenge })) })));
  expect(badName.result?.fieldErrors?.name).toEqual(['Use letters, digits and ordinary punctuation in the name.']);
  const tooLong = await as(browser, () => saveSecurityKey(noState, form({ name: 'x'.repeat(61), response: '{}' })));
  expect(tooLong.result?.fieldErrors?.name).toEqual(['Use at most 60 characters for the name.']);
  expect(await db.webAuthnCredential.count({ where: { userId: user.id } })).toBe(0);

  // The name was refused before the answer was checked: the same prompt's answer still counts.
  const saved = await as(browser, () => saveSecurityKey(noState, form({ name: '  Office PC ', response: JSON.stringify(key.register({ challenge })) })));
  expect(saved.result).toMatchObject({ ok: true, message: 'Your key “Office PC” was added. You can use it the next time you log in.' });
  expect(saved.result?.recoveryCodes).toHaveLength(10);
  expect((await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id } })).name).toBe('Office PC');
});

it('renames and removes only with the right password; another user cannot touch the key', async () => {
  const user = await createUser();
  const browser = await signedInBrowser(user);
  await addKeyThroughActions(browser, authenticator(), 'YubiKey');
  await addKeyThroughActions(browser, authenticator(), 'Spare');
  const stored = await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id, name: 'YubiKey' } });

  const stranger = await signedInBrowser(await createUser());
  expect((await as(stranger, () => renameKey(noState, form({ keyId: stored.id, name: 'Mine now' })))).result?.message).toBe(
    'This key no longer exists. Reload the page.',
  );
  await as(stranger, () => removeKey(noState, form({ keyId: stored.id, password: 'whatever' })));
  expect(await db.webAuthnCredential.count({ where: { id: stored.id } })).toBe(1);

  expect((await as(browser, () => renameKey(noState, form({ keyId: stored.id, name: 'Home YubiKey' })))).result).toMatchObject({ ok: true });
  const wrong = await as(browser, () => removeKey(noState, form({ keyId: stored.id, password: 'not my password' })));
  expect(wrong.result?.fieldErrors?.password).toHaveLength(1);
  expect(await db.webAuthnCredential.findUniqueOrThrow({ where: { id: stored.id }, select: { name: true } })).toEqual({ name: 'Home YubiKey' });

  const removed = await as(browser, () => removeKey(noState, form({ keyId: stored.id, password: user.password })));
  expect(removed.redirect).toBe('/settings/2fa?key=removed');
  expect(await db.webAuthnCredential.findMany({ where: { userId: user.id }, select: { name: true } })).toEqual([{ name: 'Spare' }]);
});

it('logs in with the key, remembering the browser when asked; a true replay of that answer is refused', async () => {
  const user = await createUser();
  const key = authenticator();
  await addKeyThroughActions(await signedInBrowser(user), key, 'YubiKey');

  const { browser, challenge } = await keyLogin(user);
  const answer = JSON.stringify(key.assert({ challenge }));
  const done = await as(browser, () => verifyKeyLogin(noState, form({ response: answer, rememberBrowser: 'on', callbackUrl: '/settings/security' })));
  expect(done.redirect).toBe('/settings/security');
  expect(await db.rememberedBrowser.count({ where: { userId: user.id } })).toBe(1);
  const after = await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id }, select: { counter: true, lastUsedAt: true } });

  // An attacker who recorded that accepted answer sends it again, in a new pending login of their own.
  const attacker = await keyLogin(user);
  const replay = await as(attacker.browser, () => verifyKeyLogin(noState, form({ response: answer })));
  expect(replay.result?.message).toMatch(/^This key was not accepted\. Try again, or use another method\. /);
  expect(await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id }, select: { counter: true, lastUsedAt: true } })).toEqual(after);
  expect(await db.session.count({ where: { userId: user.id, stage: 'ACTIVE' } })).toBe(2);
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.security_key_failed' } })).toBe(1);
  // Each answer used up its login's challenge: nothing is left to answer again.
  expect(await db.webAuthnChallenge.count()).toBe(0);
});

describe("Confirm it's you with a key (S24, S25)", () => {
  /** A user whose only method is a key, signed in with it, whose check is 11 minutes old. */
  async function keyOnlyUserWithStaleCheck() {
    const user = await createUser();
    const key = authenticator();
    await addKeyThroughActions(await signedInBrowser(user), key, 'YubiKey');
    const { browser, challenge } = await keyLogin(user);
    expect((await as(browser, () => verifyKeyLogin(noState, form({ response: JSON.stringify(key.assert({ challenge })), callbackUrl: '/' })))).redirect).toBe(
      '/',
    );
    const sessionId = sessionIdFromToken(browser.cookies.get(SESSION_COOKIE)!);
    await db.sessionCheck.update({ where: { sessionId }, data: { secondFactorAt: new Date(Date.now() - STEP_UP_WINDOW_MS - 60_000) } });
    return { user, key, browser };
  }
  const newCodes = (browser: FakeBrowser, user: TestUser) => {
    const data = form({ password: user.password });
    data.set('stepUpInline', '1');
    return as(browser, () => generateRecoveryCodes(noState, data));
  };

  it('offers the key to a key-only user, confirms with it, and the privileged action then goes through', async () => {
    const { user, key, browser } = await keyOnlyUserWithStaleCheck();
    const codesBefore = await db.recoveryCode.findMany({ where: { userId: user.id }, select: { id: true } });
    expect((await newCodes(browser, user)).result).toEqual({ stepUp: 'confirm', stepUpMethods: { key: true, app: false } });
    expect(await db.recoveryCode.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual(codesBefore);

    const prompt = await as(browser, () => startKeyConfirm(noState, form({})));
    const challenge = prompt.result?.options?.challenge;
    expect(prompt.result?.options?.allowCredentials).toHaveLength(1);
    const confirmed = await as(browser, () => confirmItsYouWithKey(noState, form({ response: JSON.stringify(key.assert({ challenge: challenge! })) })));
    expect(confirmed.result).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.passed', factor: 'security_key' } })).toBe(1);
    expect((await newCodes(browser, user)).result?.recoveryCodes).toHaveLength(10);
  });

  it('refuses a replayed answer and an answer to another challenge, changing nothing', async () => {
    const { user, key, browser } = await keyOnlyUserWithStaleCheck();
    const first = await as(browser, () => startKeyConfirm(noState, form({})));
    const answer = JSON.stringify(key.assert({ challenge: first.result!.options!.challenge }));
    // A new prompt replaces the first challenge: the answer to the old one is refused.
    await as(browser, () => startKeyConfirm(noState, form({})));
    const stale = await as(browser, () => confirmItsYouWithKey(noState, form({ response: answer })));
    expect(stale.result?.ok).toBeUndefined();
    expect(stale.result?.message).toMatch(/^This key was not accepted\./);
    // The same answer again: its challenge is gone.
    expect((await as(browser, () => confirmItsYouWithKey(noState, form({ response: answer })))).result?.ok).toBeUndefined();
    expect((await newCodes(browser, user)).result?.stepUp).toBe('confirm');
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'step_up.failed' } })).toBe(2);
  });
});
