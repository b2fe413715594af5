/**
 * S19 device cookies and the per-network limit: a stranger's wrong passwords lock only untrusted
 * browsers, the owner's browser that signed in before still signs in, and spraying many
 * addresses from one network stops at NETWORK_FAILURE_LIMIT.
 */
import { NoJsBrowser, redirectPath } from '../http/http-client';
import { outcome, passwordStep, SESSION_COOKIE } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { deviceCookieName } from '../../lib/auth/browser-cookie-names';
import { NETWORK_FAILURE_LIMIT, PASSWORD_FAILURE_LIMIT } from '../../lib/auth/limits';

const suite = useSuite('attack');
const { a, b } = suite;
const DEVICE = deviceCookieName({ production: true });

test('S19 the device cookie: issued at a completed login, HttpOnly, Secure, __Host-, SameSite=Lax, for a year', async () => {
  const t = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(a);
  const page = await passwordStep(browser, t.email, t.password);
  const line = page.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE}=`))!;
  expect(line).toMatch(/; HttpOnly/i);
  expect(line).toMatch(/; Secure/i);
  expect(line).toMatch(/; SameSite=lax/i);
  expect(line).toMatch(/; Path=\//i);
  const expires = Date.parse(/; Expires=([^;]+)/i.exec(line)![1]);
  expect(expires - Date.now()).toBeGreaterThan(360 * 24 * 3600 * 1000);
  // A wrong password issues none.
  const wrong = await passwordStep(new NoJsBrowser(a), t.email, 'not the password');
  expect(wrong.headers.getSetCookie().filter((cookie) => cookie.startsWith(`${DEVICE}=`))).toEqual([]);
  observe(`${line.split(';').slice(1).join(';').trim().slice(0, 90)}`);
});

test("S19 a stranger's 10 wrong passwords lock the address for untrusted browsers; the owner's trusted browser still signs in", async () => {
  const owner = suite.claim('user-without-2fa');
  const office = new NoJsBrowser(a);
  expect(outcome(await passwordStep(office, owner.email, owner.password))).toBe('303 → /');
  office.cookies.delete(SESSION_COOKIE); // the day ends; the device cookie stays
  const stranger = new NoJsBrowser(b);
  const answers: string[] = [];
  for (let i = 0; i < PASSWORD_FAILURE_LIMIT; i++) answers.push(outcome(await passwordStep(stranger, owner.email, `guess ${i}`)));
  expect(answers.at(-1)).toBe('200 password-locked');
  const strangerRight = outcome(await passwordStep(stranger, owner.email, owner.password));
  const newBrowser = outcome(await passwordStep(new NoJsBrowser(a), owner.email, owner.password));
  const owners = outcome(await passwordStep(office, owner.email, owner.password, b));
  expect({ strangerRight, newBrowser, owners }).toEqual({ strangerRight: '200 password-locked', newBrowser: '200 password-locked', owners: '303 → /' });
  observe(`after 10 wrong: stranger with the right password → locked; a new browser → locked; the owner's office PC → ${owners}`);
});

test('S19 the per-network limit stops password spraying across 100+ addresses; another network is not affected', async () => {
  const spray = new NoJsBrowser(a);
  const addresses = Array.from({ length: NETWORK_FAILURE_LIMIT + 5 }, (_, i) => `spray-${i}-${Date.now()}@suite.example`);
  const page = await spray.get('/login');
  const answers: string[] = [];
  // Four at a time: each one a single guess at a different address, none near an address's lock.
  for (let i = 0; i < addresses.length; i += 4) {
    const batch = addresses.slice(i, i + 4);
    answers.push(
      ...(await Promise.all(batch.map((email, j) => spray.submit('/login', 'email', { email, password: 'Welcome2026' }, { page, server: j % 2 ? b : a })))).map(
        outcome,
      ),
    );
  }
  const counted = answers.filter((answer) => answer === '200 incorrect-credentials').length;
  const refused = answers.filter((answer) => answer === '200 password-locked').length;
  expect({ counted, refused }).toEqual({ counted: NETWORK_FAILURE_LIMIT, refused: 5 });
  const owner = suite.claim('user-without-2fa');
  const sameNetwork = new NoJsBrowser(a);
  sameNetwork.network = spray.network;
  const fromSpray = outcome(await passwordStep(sameNetwork, owner.email, owner.password));
  const elsewhere = outcome(await passwordStep(new NoJsBrowser(b), owner.email, owner.password));
  expect({ fromSpray, elsewhere }).toEqual({ fromSpray: '200 password-locked', elsewhere: '303 → /' });
  expect(redirectPath(await sameNetwork.get('/'))).toMatch(/^\/login/);
  observe(`${counted} wrong passwords at ${counted} addresses, then ${refused} refused; that network's next login waits, another network's passes`);
});
