/**
 * S6 and the guard rule, over every route the app has: each page, layout, route handler and
 * server action is found on disk (so a new one cannot be missed) and called as an anonymous
 * browser, a browser with a pending login, a user past their office's 2FA deadline and, where
 * a role is needed, a user without it.
 */
import { NextRequest } from 'next/server';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { createUser } from '../helpers/factories';
import { signedInBrowser } from '../helpers/sign-in';

const APP_DIR = path.join(process.cwd(), 'app');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

const routeFiles = filesUnder(APP_DIR)
  .filter((file) => /\/(page|layout|route|([a-z0-9-]+-)?actions)\.tsx?$/.test(file))
  .map((file) => path.relative(APP_DIR, file));

/** What an anonymous or pending caller may reach, by design. Everything else must refuse them. */
const OPEN_TO_ANONYMOUS = new Set([
  'layout.tsx',
  '(auth)/layout.tsx',
  '(auth)/login/page.tsx',
  // The login form's post (decision 0020): e-mail address and password.
  '(auth)/login/password/route.ts#POST',
  '(auth)/logout/actions.ts#logOut',
  // The language switcher: it sets only the visitor's own language cookie.
  '(auth)/language/actions.ts#chooseLanguage',
  // Load balancers probe it without a session; it answers only "ok" or "unavailable".
  'api/health/route.ts#GET',
  // The reminder schedule's trigger for a scheduler (S21): its credential is CRON_SECRET, not a session; without it, 401.
  'api/cron/reminders/route.ts#GET',
  // "Forgot your password?" (S16): whoever uses it is not signed in; the reset link's token is the credential.
  '(auth)/login/forgot-password/page.tsx',
  '(auth)/login/forgot-password/actions.ts#requestPasswordResetLink',
  '(auth)/login/reset-password/page.tsx',
  '(auth)/login/reset-password/actions.ts#resetPasswordWithLink',
]);
const OPEN_TO_PENDING = new Set([
  ...OPEN_TO_ANONYMOUS,
  '(auth)/login/verify/page.tsx',
  // The app's code: a form post to a route handler (decision 0019).
  '(auth)/login/verify/code/route.ts#POST',
  '(auth)/login/verify/actions.ts#verifyRecoveryCode',
  // The same step with a security key (S24): its prompt and its answer.
  '(auth)/login/verify/key-actions.ts#startKeyLogin',
  '(auth)/login/verify/key-actions.ts#verifyKeyLogin',
]);
/** Past the office's 2FA deadline without 2FA: the enrolment steps and log out only. */
const OPEN_WHEN_ENROLMENT_DUE = new Set([
  ...OPEN_TO_ANONYMOUS,
  '(app)/layout.tsx',
  '(app)/settings/2fa/page.tsx',
  '(app)/settings/2fa/enable/page.tsx',
  '(app)/settings/2fa/actions.ts#beginEnrolment',
  '(app)/settings/2fa/actions.ts#finishEnrolment',
  // S26: the password again before turning 2FA on, which a user past the deadline must do.
  '(app)/settings/2fa/password/page.tsx',
  '(app)/settings/2fa/password/actions.ts#confirmPasswordToEnable',
  // A first security key is the other way to turn 2FA on (S24).
  '(app)/settings/2fa/security-keys/actions.ts#prepareSecurityKey',
  '(app)/settings/2fa/security-keys/actions.ts#saveSecurityKey',
]);
/** Routes only a role may use; a plain user is sent home. */
const ROLE_ONLY = [/^\(app\)\/helpdesk\//, /^\(app\)\/office\//];
/** Of those, the ones whose existence is no one else's business: anyone else signed in gets 404 (the office's audit log). */
const NOT_FOUND_FOR_OTHERS = [/^\(app\)\/office\/audit\//];

type Entry = { name: string; call: () => Promise<unknown> };

/** A route handler that sends the browser elsewhere answers a redirect status; read it as a thrown redirect() is read. */
async function run(browser: FakeBrowser, entry: Entry) {
  const outcome = await as(browser, entry.call).catch((error) => ({ error }));
  const result = 'result' in outcome ? outcome.result : undefined;
  if (result instanceof Response && result.status >= 300 && result.status < 400) return { redirect: result.headers.get('location') };
  return outcome;
}

async function entriesOf(file: string): Promise<Entry[]> {
  const mod = await import(path.join(APP_DIR, file));
  const props = { params: Promise.resolve({ id: 'nonexistent' }), searchParams: Promise.resolve({}), children: null };
  if (/actions\.ts$/.test(file)) {
    return Object.entries(mod)
      .filter(([, value]) => typeof value === 'function')
      .map(([name, fn]) => ({
        name: `${file}#${name}`,
        call: () => (fn as (...a: unknown[]) => Promise<unknown>)(noState, form({ code: '123456', password: 'x', email: 'x@x.example' })),
      }));
  }
  if (/route\.ts$/.test(file)) {
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
      .filter((method) => typeof mod[method] === 'function')
      .map((method) => ({ name: `${file}#${method}`, call: () => mod[method](new NextRequest('http://localhost/x', { method }), props) }));
  }
  return [{ name: file, call: () => mod.default(props) }];
}

let pending: FakeBrowser;
let enrolmentDue: FakeBrowser;
let plainUser: FakeBrowser;

beforeAll(async () => {
  const user = await createUser({ twoFactor: true });
  pending = new FakeBrowser();
  await postLogin(pending, form({ email: user.email, password: user.password }));
  expect(pending.cookies.has(SESSION_COOKIE)).toBe(true);

  const strictOffice = await db.office.create({
    data: { name: 'Strict', twoFactorRequired: true, twoFactorRequiredAt: new Date(Date.now() - 86_400_000), twoFactorDeadline: new Date(Date.now() - 1000) },
  });
  const due = await createUser({ officeId: strictOffice.id });
  await db.user.update({ where: { id: due.id }, data: { officeJoinedAt: new Date(Date.now() - 2 * 86_400_000) } });
  enrolmentDue = await signedInBrowser(due);
  plainUser = await signedInBrowser(await createUser());
});

it('finds the routes it checks', () => {
  expect(routeFiles).toEqual(
    expect.arrayContaining(['(app)/page.tsx', '(auth)/login/verify/actions.ts', '(app)/settings/account/page.tsx', '(app)/settings/account/actions.ts']),
  );
});

describe.each(routeFiles)('%s', (file) => {
  it('refuses an anonymous caller and a pending login, changing nothing', async () => {
    for (const entry of await entriesOf(file)) {
      const before = await db.auditEvent.count();
      if (!OPEN_TO_ANONYMOUS.has(entry.name)) {
        const outcome = await run(new FakeBrowser(), entry);
        expect([entry.name, outcome]).toEqual([entry.name, { redirect: '/login' }]);
      }
      if (!OPEN_TO_PENDING.has(entry.name)) {
        const outcome = await run(pending, entry);
        expect([entry.name, outcome]).toEqual([entry.name, { redirect: '/login/verify' }]);
      }
      if (!OPEN_WHEN_ENROLMENT_DUE.has(entry.name)) {
        const outcome = await run(enrolmentDue, entry);
        // The verification step sends any signed-in session home, which sends this one on to enrolment.
        const expected = entry.name.startsWith('(auth)/login/verify') ? '/' : '/settings/2fa';
        expect([entry.name, outcome]).toEqual([entry.name, { redirect: expected }]);
      }
      if (ROLE_ONLY.some((pattern) => pattern.test(entry.name))) {
        const outcome = await run(plainUser, entry);
        if (NOT_FOUND_FOR_OTHERS.some((pattern) => pattern.test(entry.name)))
          expect([entry.name, (outcome as { error?: { digest?: string } }).error?.digest]).toEqual([entry.name, 'NEXT_HTTP_ERROR_FALLBACK;404']);
        else expect([entry.name, outcome]).toEqual([entry.name, { redirect: '/' }]);
      }
      if (!OPEN_TO_PENDING.has(entry.name)) expect(await db.auditEvent.count()).toBe(before);
    }
  });
});
