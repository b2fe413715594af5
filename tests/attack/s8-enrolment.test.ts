/** S8: an unconfirmed secret never satisfies a login; disabling 2FA needs the password. */
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { outcome, passwordStep, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { actionsFromBuild } from './server-actions';

const suite = useSuite('attack');
const { a, b } = suite;

test('S8 an unconfirmed enrolment never asks for (or accepts) a code; disabling needs the password', async () => {
  const user = suite.claim('user-without-2fa');
  const browser = await signedIn(user, a);
  const begin = actionsFromBuild().find((x) => x.name === 'beginEnrolment')!;
  const started = await browser.submit('/settings/2fa', new RegExp(`\\$ACTION_ID_${begin.id}`), {});
  expect(outcome(started)).toBe('303 → /settings/2fa/enable');
  const unconfirmed = await suite.count(`SELECT count(*)::int AS n FROM "TotpEnrolment" WHERE "userId" = $1`, [user.id]);
  const again = await passwordStep(new NoJsBrowser(b), user.email, user.password, b);
  expect({ unconfirmed, loginGoesTo: redirectPath(again) }).toEqual({ unconfirmed: 1, loginGoesTo: '/' });

  const t = suite.claim();
  const victim = await signedIn(t, a);
  const wrong = await victim.submit('/settings/2fa/disable', 'password', { password: 'not the password' });
  const still = await suite.count(`SELECT count(*)::int AS n FROM "TotpCredential" WHERE "userId" = $1`, [t.id]);
  expect({ status: wrong.status, twoFactor: still }).toEqual({ status: 200, twoFactor: 1 });
  observe('begin enrolment → secret stored unconfirmed; the next login asks no code (303 /); disable with a wrong password → refused, 2FA on');
});
