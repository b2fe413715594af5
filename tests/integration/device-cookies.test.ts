/**
 * The lockout that does not lock out the owner (S19): device cookies and the per-network limit,
 * through the real login action on a real database. What a stranger and the owner observe.
 */
import { as, FakeBrowser, form, nextHeaders } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import { postLogin } from '../helpers/login-steps';
import { logOut } from '@/app/(auth)/logout/actions';
import * as LOGIN_MESSAGES from '@/lib/auth/login-messages';
import { english } from '../helpers/english';
import { DEVICE_FAILURE_LIMIT, DEVICE_FAILURE_WINDOW_MS, NETWORK_FAILURE_LIMIT, NETWORK_FAILURE_WINDOW_MS, PASSWORD_FAILURE_LIMIT } from '@/lib/auth/limits';
import { throttleKey } from '@/lib/auth/login-throttle';
import { networkKey } from '@/lib/auth/network-throttle';
import { createUser } from '../helpers/factories';

const INCORRECT_CREDENTIALS = english(LOGIN_MESSAGES.INCORRECT_CREDENTIALS);
const PASSWORD_LOCKED = english(LOGIN_MESSAGES.PASSWORD_LOCKED);

const DEVICE = 'portal_device';
let nextIp = 1;
/** Each test its own network, so the per-network limit of one test does not reach another. */
const browserOnNewNetwork = () => new FakeBrowser({ ip: `203.0.113.${nextIp++}` });

const login = (browser: FakeBrowser, email: string, password: string) => postLogin(browser, form({ email, password }));
const message = (outcome: Awaited<ReturnType<typeof login>>) => outcome.result?.message;

/** The owner's office PC: it signed in once (so its device cookie is trusted for this account) and logged out. */
async function ownersTrustedBrowser(user: { email: string; password: string }, ip: string) {
  const browser = new FakeBrowser({ ip });
  expect(await login(browser, user.email, user.password)).toEqual({ redirect: '/' });
  expect(browser.cookies.get(DEVICE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await as(browser, logOut);
  return browser;
}

it("a stranger's wrong passwords lock the address for untrusted browsers, while the owner's trusted browser still signs in", async () => {
  const owner = await createUser();
  const office = await ownersTrustedBrowser(owner, '192.0.2.10');
  const stranger = browserOnNewNetwork();
  for (let i = 1; i < PASSWORD_FAILURE_LIMIT; i++) expect(message(await login(stranger, owner.email, `guess ${i}`))).toBe(INCORRECT_CREDENTIALS);
  expect(message(await login(stranger, owner.email, 'last guess'))).toBe(PASSWORD_LOCKED);
  // Locked for every untrusted browser, even with the right password.
  expect(message(await login(stranger, owner.email, owner.password))).toBe(PASSWORD_LOCKED);
  expect(message(await login(browserOnNewNetwork(), owner.email, owner.password))).toBe(PASSWORD_LOCKED);
  // The owner's office PC is not locked out.
  expect(await login(office, owner.email, owner.password)).toEqual({ redirect: '/' });
  // And the owner signing in does not hand the stranger a fresh budget.
  expect(message(await login(stranger, owner.email, owner.password))).toBe(PASSWORD_LOCKED);
  const failed = await db.auditEvent.findMany({
    where: { subjectUserId: owner.id, type: 'login.password_failed', outcome: 'DENIED' },
    select: { details: true },
  });
  expect(failed.map((e) => JSON.parse(e.details).lockScope)).toEqual(['address', 'address', 'address']);
});

it('wrong passwords from a trusted browser count on its own budget, then it waits too', async () => {
  const owner = await createUser();
  const office = await ownersTrustedBrowser(owner, '192.0.2.11');
  for (let i = 1; i < DEVICE_FAILURE_LIMIT; i++) expect(message(await login(office, owner.email, `typo ${i}`))).toBe(INCORRECT_CREDENTIALS);
  expect(message(await login(office, owner.email, 'typo again'))).toBe(PASSWORD_LOCKED);
  expect(message(await login(office, owner.email, owner.password))).toBe(PASSWORD_LOCKED);
  // The address itself was never touched: another browser is not locked by the owner's typos.
  expect(await login(browserOnNewNetwork(), owner.email, owner.password)).toEqual({ redirect: '/' });
});

it("a device cookie is trusted only for the accounts it signed in to: a stranger's own cookie does not help against another account", async () => {
  const stranger = await createUser();
  const victim = await createUser();
  const strangersBrowser = await ownersTrustedBrowser(stranger, '192.0.2.12');
  for (let i = 1; i < PASSWORD_FAILURE_LIMIT; i++) await login(strangersBrowser, victim.email, `guess ${i}`);
  expect(message(await login(strangersBrowser, victim.email, 'last guess'))).toBe(PASSWORD_LOCKED);
  // A copied device cookie of the victim's is what would help: it is a secret of the victim's browser (HttpOnly, never sent elsewhere).
  expect(await db.trustedDevice.count({ where: { userId: victim.id } })).toBe(0);
});

it('a refused attempt does not create trust: the device cookie is trusted only after a completed login', async () => {
  const owner = await createUser({ twoFactor: true });
  const browser = browserOnNewNetwork();
  expect(await login(browser, owner.email, owner.password)).toEqual({ redirect: '/login/verify' });
  expect(await db.trustedDevice.count({ where: { userId: owner.id } })).toBe(0);
});

it('the per-network limit stops password spraying across many addresses, and not the owner on a trusted browser', async () => {
  const spray = new FakeBrowser({ ip: '198.18.0.1' });
  const owner = await createUser();
  const office = await ownersTrustedBrowser(owner, '198.18.0.1'); // same office network as the sprayer
  const victims = await Promise.all(Array.from({ length: Math.ceil(NETWORK_FAILURE_LIMIT / 3) + 1 }, () => createUser()));
  const answers: Array<string | undefined> = [];
  for (const victim of victims) for (const guess of ['Welcome1', 'Summer2026', 'Password1']) answers.push(message(await login(spray, victim.email, guess)));
  // Three guesses an address never reach an address's lock; the network's limit stops the rest.
  expect(answers.slice(0, NETWORK_FAILURE_LIMIT)).toEqual(Array(NETWORK_FAILURE_LIMIT).fill(INCORRECT_CREDENTIALS));
  expect(new Set(answers.slice(NETWORK_FAILURE_LIMIT))).toEqual(new Set([PASSWORD_LOCKED]));
  // From that network, even a right password of an untouched account waits (an untrusted browser).
  const fresh = await createUser();
  expect(message(await login(new FakeBrowser({ ip: '198.18.0.1' }), fresh.email, fresh.password))).toBe(PASSWORD_LOCKED);
  // Another network is not affected, and the owner's trusted browser on the same network still signs in.
  expect(await login(new FakeBrowser({ ip: '198.18.0.2' }), fresh.email, fresh.password)).toEqual({ redirect: '/' });
  expect(await login(office, owner.email, owner.password)).toEqual({ redirect: '/' });
  // The limit lives in the database.
  expect(await db.networkThrottle.findMany({ select: { failures: true } })).toEqual(expect.arrayContaining([{ failures: NETWORK_FAILURE_LIMIT }]));
});

it('right passwords do not wash a network’s count: one good account between guesses does not reset it', async () => {
  const ip = '198.18.1.1';
  const mine = await createUser();
  const victim = await createUser();
  for (let i = 0; i < 5; i++) {
    await login(new FakeBrowser({ ip }), victim.email, `guess ${i}`);
    const me = new FakeBrowser({ ip, userAgent: `fresh ${i}` });
    await login(me, mine.email, mine.password);
  }
  const rows = await db.networkThrottle.findMany({ select: { failures: true } });
  expect(rows.map((row) => row.failures)).toContain(5);
});

describe('every budget comes back when its time is up', () => {
  const past = (ms: number) => new Date(Date.now() - ms - 1000);

  it('the address: the right password signs in once the lock has run out, and the count starts again', async () => {
    const user = await createUser();
    const stranger = browserOnNewNetwork();
    for (let i = 0; i < PASSWORD_FAILURE_LIMIT; i++) await login(stranger, user.email, `guess ${i}`);
    expect(message(await login(browserOnNewNetwork(), user.email, user.password))).toBe(PASSWORD_LOCKED);
    await db.loginThrottle.update({ where: { key: throttleKey(user.email) }, data: { lockedUntil: past(0) } });
    expect(await login(browserOnNewNetwork(), user.email, user.password)).toEqual({ redirect: '/' });
    for (let i = 1; i < PASSWORD_FAILURE_LIMIT; i++) expect(message(await login(stranger, user.email, `again ${i}`))).toBe(INCORRECT_CREDENTIALS);
  });

  it('a trusted browser: its spent budget comes back when its window has ended', async () => {
    const owner = await createUser();
    const office = await ownersTrustedBrowser(owner, '192.0.2.77');
    for (let i = 0; i < DEVICE_FAILURE_LIMIT; i++) await login(office, owner.email, `typo ${i}`);
    expect(message(await login(office, owner.email, owner.password))).toBe(PASSWORD_LOCKED);
    await db.trustedDevice.updateMany({ where: { userId: owner.id }, data: { windowStart: past(DEVICE_FAILURE_WINDOW_MS) } });
    expect(await login(office, owner.email, owner.password)).toEqual({ redirect: '/' });
  });

  it('a network: its spent budget comes back when its window has ended, not before', async () => {
    const ip = '198.18.2.1';
    const user = await createUser();
    await login(new FakeBrowser({ ip }), 'nobody-at-all@office.example', 'a guess');
    await db.networkThrottle.update({
      where: { key: networkKey(ip) },
      data: { failures: NETWORK_FAILURE_LIMIT, windowStart: past(NETWORK_FAILURE_WINDOW_MS - 60_000) },
    });
    expect(message(await login(new FakeBrowser({ ip }), user.email, user.password))).toBe(PASSWORD_LOCKED);
    await db.networkThrottle.update({ where: { key: networkKey(ip) }, data: { windowStart: past(NETWORK_FAILURE_WINDOW_MS) } });
    expect(await login(new FakeBrowser({ ip }), user.email, user.password)).toEqual({ redirect: '/' });
    expect(await db.networkThrottle.findUnique({ where: { key: networkKey(ip) }, select: { failures: true } })).toEqual({ failures: 0 });
  });
});
