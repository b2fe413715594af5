/**
 * S14 on the verification step (the app's code and a recovery code): bad input gets a clear
 * message and uses no attempt of the login (S4) nor of the account; spaces inside a code are ignored.
 */
import { authenticatorCode } from '../helpers/totp-reference';
import { redirectPath } from '../http/http-client';
import { CODE_FORMAT_MESSAGE, outcome, pendingLogin, RECOVERY_CODE_FORMAT_MESSAGE, sessionIdOf } from '../http/flows';
import type { NoJsBrowser } from '../http/http-client';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { postOneMegabyte, sendAsFiles, sweep } from './bad-inputs';

const suite = useSuite('attack');

/** What a bad input must leave as it was: the login's attempts, the account's failures, the audit log. */
async function counters(browser: NoJsBrowser, userId: string) {
  return {
    attempts: await suite.count(`SELECT "codeAttempts" AS n FROM "Session" WHERE id = $1`, [sessionIdOf(browser)]),
    failures: await suite.count(`SELECT "codeFailures" AS n FROM "User" WHERE id = $1`, [userId]),
    audit: await suite.auditCount(),
  };
}

test('S14 bad input on the verify form: a clear message, no attempt used, nothing written', async () => {
  const t = suite.claim();
  const browser = await pendingLogin(t, suite.a);
  const before = await counters(browser, t.id);
  const { cases, bad } = await sweep(browser, '/login/verify', 'code', {}, ['code'], [CODE_FORMAT_MESSAGE]);
  expect(bad).toEqual([]);
  // Two codes in one form (a forged duplicate field): the first is read, a format error or a wrong code; never a pass.
  const page = await browser.get('/login/verify');
  const duplicate = await browser.submit('/login/verify', 'code', { code: ['abc', authenticatorCode(t.totpKey!)] }, { page });
  expect(redirectPath(duplicate)).not.toBe('/');
  expect(await counters(browser, t.id)).toEqual(before);
  // Spaces inside a code are ignored: "123 456" is a code.
  const spaced = authenticatorCode(t.totpKey!).replace(/^(...)/, '$1 ');
  const ok = await browser.submit('/login/verify', 'code', { code: spaced }, { page });
  expect(outcome(ok)).toBe('303 → /');
  observe(`${cases + 1} bad inputs → "Enter the 6-digit code…", 0 attempts used, no audit row; "${spaced}" signs in`);
});

test("S14 the bad-input table on the verify step's recovery code: a clear message, no attempt used", async () => {
  const t = suite.claim();
  const browser = await pendingLogin(t, suite.a);
  const before = await counters(browser, t.id);
  const { cases, bad } = await sweep(browser, '/login/verify?method=recovery-code', 'recoveryCode', {}, ['recoveryCode'], [RECOVERY_CODE_FORMAT_MESSAGE]);
  expect(bad).toEqual([]);
  expect(await counters(browser, t.id)).toEqual(before);
  observe(`${cases} recovery codes → "Enter one of your recovery codes…"; 0 attempts used`);
});

test('S14 file parts on the verify step: the code or recovery code sent as a file gets a plain field message, no attempt used', async () => {
  const t = suite.claim();
  const browser = await pendingLogin(t, suite.a);
  const before = await counters(browser, t.id);
  const code = await sendAsFiles(browser, '/login/verify', 'code', {}, ['code']);
  const recovery = await sendAsFiles(browser, '/login/verify?method=recovery-code', 'recoveryCode', {}, ['recoveryCode']);
  expect([...code.bad, ...recovery.bad]).toEqual([]);
  expect(await counters(browser, t.id)).toEqual(before);
  observe('code and recovery code as files → their field message; 0 attempts used, no audit row');
});

// needs the fix from the bad-input branch
test('S14 1 MB field on the verify form: 413 with a clear message, no attempt used', async () => {
  const t = suite.claim();
  const browser = await pendingLogin(t, suite.a);
  const before = await counters(browser, t.id);
  const answer = await postOneMegabyte(browser, '/login/verify', 'code', {}, 'code');
  observe(`code: ${answer.status} "${answer.text}"`);
  expect({ status: answer.status, problem: answer.problem }).toEqual({ status: 413, problem: null });
  expect(await counters(browser, t.id)).toEqual(before);
});
