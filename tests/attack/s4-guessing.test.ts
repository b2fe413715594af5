/** S4: guessing is bounded per account across logins and instances: the 10th wrong code locks the second step. */
import { authenticatorCode, wrongCode } from '../helpers/totp-reference';
import { redirectPath } from '../http/http-client';
import { codeStep, outcome, pendingLogin } from '../http/flows';
import type { NoJsBrowser } from '../http/http-client';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');
const { a, b } = suite;

test('S4 guessing: 12 pending logins on 2 instances, round-robin guesses stop at 10, audited', async () => {
  const t = suite.claim();
  // Four at a time: more password checks in flight for one address than 10 are refused by design (S5).
  const logins: NoJsBrowser[] = [];
  for (let i = 0; i < 12; i += 4) logins.push(...(await Promise.all([0, 1, 2, 3].map((j) => pendingLogin(t, (i + j) % 2 ? b : a)))));
  let wrong = 0;
  let lockedAt = 0;
  const answers: string[] = [];
  for (let round = 0; round < 2 && !lockedAt; round++) {
    for (const [i, browser] of logins.entries()) {
      const page = await codeStep(browser, wrongCode(t.totpKey!), i % 2 ? a : b);
      const o = outcome(page);
      answers.push(o);
      if (o.includes('code-wrong')) wrong += 1;
      else if (redirectPath(page) === '/login?notice=code-locked') {
        lockedAt = answers.length;
        break;
      } else throw new Error(`guess ${answers.length}: ${o}`);
    }
  }
  expect({ wrong, lockedAt }).toEqual({ wrong: 9, lockedAt: 10 });
  // Every other pending login is refused now, even with the right code.
  const right = await codeStep(logins[11], authenticatorCode(t.totpKey!, Date.now(), 1), b);
  expect(outcome(right)).toBe('303 → /login?notice=code-locked');
  const locks = await suite.auditCount(`type = 'login.code_locked' AND "subjectUserId" = $1`, [t.id]);
  const failed = await suite.auditCount(`type = 'login.code_failed' AND "subjectUserId" = $1`, [t.id]);
  expect(locks).toBe(1);
  observe(`9 wrong, the 10th locks; the right code then: ${outcome(right)}; audit: ${failed} code_failed, 1 code_locked`);
});

test('S4 parallel guessing: 15 simultaneous wrong codes on one account lock it at 10', async () => {
  const t = suite.claim();
  const logins = await Promise.all(Array.from({ length: 3 }, (_, i) => pendingLogin(t, i % 2 ? b : a)));
  const pages = await Promise.all(logins.map((browser) => browser.get('/login/verify')));
  const answers = await Promise.all(
    Array.from({ length: 15 }, (_, i) =>
      logins[i % 3].submit('/login/verify', 'code', { code: wrongCode(t.totpKey!) }, { server: i % 2 ? a : b, page: pages[i % 3] }),
    ),
  );
  const failures = (await suite.sql.query(`SELECT "codeFailures" AS n, "codeLockedUntil" AS l FROM "User" WHERE id = $1`, [t.id])).rows[0];
  const checked = answers.filter((p) => outcome(p).includes('code-wrong')).length;
  expect(failures.n).toBeLessThanOrEqual(10);
  expect(checked).toBeLessThanOrEqual(10);
  observe(`${checked} of 15 checked (≤5 per login, ≤10 per account); codeFailures=${failures.n}; locked=${failures.l !== null}`);
});
