/** S2: the current step and one step either side are accepted (clock drift), nothing wider. */
import { authenticatorCode } from '../helpers/totp-reference';
import { codeStep, outcome, pendingLogin, startEarlyInStep } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');

test('S2 drift: codes 2 steps old or ahead are refused, 1 step either side accepted', async () => {
  const t = suite.claim();
  // The codes are computed for one moment and the checks take a few seconds (two password steps).
  await startEarlyInStep();
  const browser = await pendingLogin(t, suite.a);
  const now = Date.now();
  const results = [];
  for (const offset of [-2, 2]) results.push(`${offset}: ${outcome(await codeStep(browser, authenticatorCode(t.totpKey!, now, offset)))}`);
  expect(results).toEqual([expect.stringContaining('code-wrong'), expect.stringContaining('code-wrong')]);
  const minus = await codeStep(browser, authenticatorCode(t.totpKey!, now, -1));
  expect(`-1: ${outcome(minus)}`).toBe('-1: 303 → /');
  const plus = await codeStep(await pendingLogin(t, suite.a), authenticatorCode(t.totpKey!, now, 1));
  expect(`+1: ${outcome(plus)}`).toBe('+1: 303 → /');
  observe(`${results.join('; ')}; -1: accepted; +1: accepted`);
});
