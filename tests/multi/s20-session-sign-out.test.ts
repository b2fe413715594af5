/** S20 across instances: a session signed out on one instance is over on every instance at its next request. */
import { redirectPath } from '../http/http-client';
import { outcome, sessionIdOf, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';

const suite = useSuite('multi');
const { a, b } = suite;

test('S20: session X signed out on A: X’s cookie on B gets the login page; the user’s other session still works', async () => {
  const user = suite.claim('user-without-2fa');
  const x = await signedIn(user, b);
  const other = await signedIn(user, b);
  const here = await signedIn(user, a);
  expect((await x.get('/', b)).status).toBe(200);

  const answer = await here.submit('/settings/security', new RegExp(sessionIdOf(x)), {}, { server: a });
  expect(outcome(answer)).toBe('303 → /settings/security?session=ended');
  const after = await x.get('/', b);
  expect(`${after.status} ${redirectPath(after)}`).toBe('307 /login');
  expect([(await other.get('/', b)).status, (await here.get('/', b)).status]).toEqual([200, 200]);
  observe(`Sign out of X on A: ${outcome(answer)}; X on B → ${after.status} /login; the other session on B and this one: 200`);
});
