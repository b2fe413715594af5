/** S4 and S5 across instances: guess and password counters live in the database, so they add up on A and B. */
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { codeStep, outcome, passwordStep, pendingLogin } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
const { a, b } = suite;
const name = (server: string) => (server === a ? 'A' : 'B');

test('S4: 5 wrong codes on one pending login, alternating A/B, end it', async () => {
  const user = suite.claim();
  const browser = await pendingLogin(user, a);
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    const server = i % 2 ? b : a;
    seen.push(`${name(server)}:${outcome(await codeStep(browser, wrongCode(user.totpKey!), server))}`);
  }
  observe(seen.join(' | '));
  expect(seen).toEqual([
    'A:200 code-wrong (4 left)',
    'B:200 code-wrong (3 left)',
    'A:200 code-wrong (2 left)',
    'B:200 code-wrong (1 left)',
    'A:303 → /login?notice=start-again',
  ]);
  // The challenge is gone on both instances, even with the right code.
  const after = await browser.get('/login/verify', b);
  expect(`${after.status} ${redirectPath(after)?.replace(/\?.*/, '')}`).toBe('307 /login');
});

test('S4: account failures add up across instances and logins: the 10th locks', async () => {
  const user = suite.claim();
  // Three logins, each on another instance than the last, 4 + 4 + 2 wrong codes, each code
  // sent to the other instance than the one before: the 10th wrong code, on the third login, locks.
  const seen: string[] = [];
  let n = 0;
  for (const [login, guesses] of [
    [a, 4],
    [b, 4],
    [a, 2],
  ] as const) {
    const browser = await pendingLogin(user, login);
    for (let i = 0; i < guesses; i++) {
      n += 1;
      const server = n % 2 ? a : b;
      seen.push(`#${n}:${name(server)}:${outcome(await codeStep(browser, wrongCode(user.totpKey!), server))}`);
    }
  }
  expect(seen.slice(0, -1).filter((s) => !s.includes('code-wrong'))).toEqual([]);
  expect(seen.at(-1)).toBe('#10:B:303 → /login?notice=code-locked');
  // Locked: even the right code on a new login is refused, on the other instance.
  const right = await codeStep(await pendingLogin(user, b), authenticatorCode(user.totpKey!, Date.now(), 1), b);
  expect(outcome(right)).toBe('303 → /login?notice=code-locked');
  expect(await suite.auditCount(`type = 'login.code_locked' AND "subjectUserId" = $1`, [user.id])).toBe(1);
  observe(`${seen.join(' | ')}; right code after: ${outcome(right)}; audit login.code_locked = 1`);
});

test('S5: wrong passwords add up across instances: the 10th locks the address', async () => {
  const user = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(a);
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) seen.push(outcome(await passwordStep(browser, user.email, `wrong ${i}`, i % 2 ? b : a)));
  expect(seen.slice(0, 9).filter((s) => !s.includes('incorrect-credentials'))).toEqual([]);
  expect(seen[9]).toContain('password-locked');
  const right = await passwordStep(browser, user.email, user.password, b);
  expect(outcome(right)).toContain('password-locked');
  observe(`1–9: incorrect; 10th: ${seen[9]}; right password on B: ${outcome(right)}`);
});
