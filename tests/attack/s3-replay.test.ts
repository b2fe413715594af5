/** S3: a code is accepted once, also across steps still in the window; a refused replay is audited and told. */
import { authenticatorCode } from '../helpers/totp-reference';
import { redirectPath } from '../http/http-client';
import { codeStep, outcome, pendingLogin, startEarlyInStep } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('attack');
const { a, b } = suite;

test('S3 replay: the same code on a second login (same step) is refused, audited, user told', async () => {
  const t = suite.claim();
  const code = authenticatorCode(t.totpKey!);
  expect(outcome(await codeStep(await pendingLogin(t, a), code))).toBe('303 → /');
  const again = await codeStep(await pendingLogin(t, b), code, b);
  expect(outcome(again)).toContain('code-replayed');
  const audit = await suite.auditCount(`type = 'login.code_replayed' AND "subjectUserId" = $1`, [t.id]);
  const mail = await suite.count(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'code_replayed' AND "userId" = $1`, [t.id]);
  expect({ audit, mail }).toEqual({ audit: 1, mail: 1 });
  observe(`${outcome(again)}; audit login.code_replayed=1; outbox code_replayed=1`);
});

test('S3 replay across steps: after step s is used, the still-in-window step s-1 is refused', async () => {
  const t = suite.claim();
  // Both codes are computed for one moment: if the server's clock reached the next step meanwhile, s-1 would be out of the window ("wrong").
  await startEarlyInStep();
  const now = Date.now();
  expect(redirectPath(await codeStep(await pendingLogin(t, a), authenticatorCode(t.totpKey!, now)))).toBe('/');
  const older = await codeStep(await pendingLogin(t, a), authenticatorCode(t.totpKey!, now, -1));
  expect(outcome(older)).toContain('code-replayed');
  observe(`s-1 after s: ${outcome(older)}`);
});
