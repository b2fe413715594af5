/**
 * Found by the attack suite (npm run test:attack) against PostgreSQL: two 500s an outsider could
 * cause on the login form. Both run here on SQLite and, with npm run test:pg, on PostgreSQL,
 * where they failed before the fix.
 */
import { FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { reservePasswordAttempt, throttleKey } from '@/lib/auth/login-throttle';
import { createUser } from '../helpers/factories';

it('takes simultaneous first attempts for one address without an error (no 500 on the unique key)', async () => {
  const key = throttleKey('first-time-at-once@office.example');
  const reserved = await Promise.all(Array.from({ length: 6 }, () => reservePasswordAttempt(key)));
  expect(reserved).toEqual([true, true, true, true, true, true]);
  expect((await db.loginThrottle.findUnique({ where: { key }, select: { failures: true } }))?.failures).toBe(6);
});

it('answers an e-mail address with a NUL or other control character with a message, touching nothing', async () => {
  const user = await createUser();
  const before = await db.auditEvent.count();
  for (const email of [`${user.email}\u0000`, `\u0000`, `${user.email}\n`.replace('\n', '\u0007')]) {
    const outcome = await postLogin(new FakeBrowser(), form({ email, password: user.password }));
    expect(outcome).toMatchObject({ result: { fieldErrors: { email: ['Enter a valid e-mail address.'] } } });
  }
  expect(await db.auditEvent.count()).toBe(before);
});

it('says which field is missing when a forged form leaves one out', async () => {
  const user = await createUser();
  const missingPassword = await postLogin(new FakeBrowser(), form({ email: user.email }));
  expect(missingPassword).toMatchObject({ result: { fieldErrors: { password: ['Enter your password.'] } } });
  const missingBoth = await postLogin(new FakeBrowser(), form({}));
  expect(missingBoth).toMatchObject({ result: { fieldErrors: { email: ['Enter your e-mail address.'], password: ['Enter your password.'] } } });
});
