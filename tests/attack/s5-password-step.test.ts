/** S5: the password step tells an unknown e-mail from a wrong password neither by its answer nor by its timing. */
import { NoJsBrowser, pageText, type Page } from '../http/http-client';
import { INCORRECT_CREDENTIALS, outcome, passwordStep } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

test('S5 enumeration by message: unknown e-mail and wrong password give the same answer', async () => {
  const known = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(suite.a);
  const wrong = await passwordStep(browser, known.email, 'not the password');
  const unknown = await passwordStep(browser, 'nobody-here@suite.example', 'not the password');
  const answer = (page: Page) => ({
    status: page.status,
    message: pageText(page.html).includes(INCORRECT_CREDENTIALS),
    cookies: page.headers.getSetCookie().length,
  });
  expect(answer(wrong)).toEqual({ status: 200, message: true, cookies: 0 });
  expect(answer(unknown)).toEqual(answer(wrong));
  observe(`both: ${outcome(wrong)} "${INCORRECT_CREDENTIALS}", no cookie`);
});

test('S5 enumeration by timing: median password step, known vs unknown e-mail, differs < 10% (5 samples each)', async () => {
  const user = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(suite.a);
  const known: number[] = [];
  const unknown: number[] = [];
  const page = await browser.get('/login');
  for (let i = 0; i < 5; i++) {
    for (const [email, into] of [
      [user.email, known],
      [`nobody-${i}@suite.example`, unknown],
    ] as const) {
      const t0 = performance.now();
      await browser.submit('/login', 'email', { email, password: `wrong ${i}` }, { page });
      into.push(performance.now() - t0);
    }
  }
  const mk = median(known);
  const mu = median(unknown);
  const difference = Math.abs(mk - mu) / Math.max(mk, mu);
  observe(`known ${mk.toFixed(0)} ms, unknown ${mu.toFixed(0)} ms, difference ${(difference * 100).toFixed(1)}% (bcrypt ≈ 0.4 s: few samples)`);
  expect(difference).toBeLessThan(0.1);
});
