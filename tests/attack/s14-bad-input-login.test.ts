/** S14 on the login form: bad input gets a clear message and changes nothing; no password is checked for it. */
import { NoJsBrowser, pageText } from '../http/http-client';
import { INCORRECT_CREDENTIALS, outcome, PASSWORD_LOCKED, SESSION_COOKIE } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { BAD_VALUES, postOneMegabyte, sendAsFiles, sweep } from './bad-inputs';

const suite = useSuite('attack');
const { a } = suite;
/** Password failures counted per address (S5): a bad input must not count as one. */
const throttled = () => suite.count(`SELECT coalesce(sum(failures), 0)::int AS n FROM "LoginThrottle"`);

test('S14 bad input on the login form: a clear message, no password check, nothing written', async () => {
  const user = suite.claim('user-without-2fa');
  const browser = new NoJsBrowser(a);
  const page = await browser.get('/login');
  const cases: Record<string, [Record<string, string>, string]> = {
    'empty e-mail': [{ email: '', password: 'x' }, 'Enter your e-mail address.'],
    'spaces as e-mail': [{ email: '   ', password: 'x' }, 'Enter your e-mail address.'],
    'empty password': [{ email: user.email, password: '' }, 'Enter your password.'],
    'both empty': [{ email: '', password: '' }, 'Enter your e-mail address.'],
    '10 kB e-mail': [{ email: `${'a'.repeat(10_240)}@x.example`, password: 'x' }, 'That e-mail address is too long.'],
    '10 kB password': [{ email: user.email, password: 'p'.repeat(10_240) }, 'That password is too long.'],
    'missing password': [{ email: user.email }, 'Enter your password.'],
    'missing e-mail': [{ password: 'x' }, 'Enter your e-mail address.'],
    'missing both': [{}, 'Enter your e-mail address.'],
    '255-char e-mail': [{ email: `${'b'.repeat(245)}@x.example`, password: 'x' }, 'That e-mail address is too long.'],
    '1025-char password': [{ email: user.email, password: 'p'.repeat(1025) }, 'That password is too long.'],
    'NUL in e-mail': [{ email: `${user.email}\u0000`, password: 'x' }, 'Enter a valid e-mail address.'],
    'newline in e-mail': [{ email: `${user.email}\r\nBcc: x@evil.example`, password: 'x' }, 'Enter a valid e-mail address.'],
  };
  const bad: string[] = [];
  const before = await suite.auditCount();
  for (const [label, [fields, message]] of Object.entries(cases)) {
    const answer = await browser.submit('/login', 'email', fields, { page });
    if (answer.status !== 200 || !pageText(answer.html).includes(message) || answer.headers.getSetCookie().length) bad.push(`${label}: ${outcome(answer)}`);
  }
  expect(await suite.auditCount()).toBe(before);
  // Unicode look-alikes and injections are just wrong credentials: the same message as any other.
  const odd: Record<string, Record<string, string>> = {
    'unicode e-mail': { email: 'ánna@vandijk.example', password: 'x' },
    'SQL injection e-mail': { email: "' OR '1'='1", password: "' OR '1'='1" },
  };
  for (const [label, fields] of Object.entries(odd)) {
    const answer = await browser.submit('/login', 'email', fields, { page });
    if (!pageText(answer.html).includes(INCORRECT_CREDENTIALS) || answer.headers.getSetCookie().length) bad.push(`${label}: ${outcome(answer)}`);
  }
  expect(bad).toEqual([]);
  // One failed password (with its audit row) per wrong-credentials case, none for the bad input.
  expect((await suite.auditCount()) - before).toBe(Object.keys(odd).length);
  observe(
    `${Object.keys(cases).length} bad inputs → their field message, no audit row; ${Object.keys(odd).length} odd credentials → the usual "incorrect" answer`,
  );
});

test(`S14 the bad-input table (${Object.keys(BAD_VALUES).length} values) on the login form: each field`, async () => {
  const user = suite.claim();
  const browser = new NoJsBrowser(a);
  const messages = [
    'Enter your e-mail address.',
    'That e-mail address is too long.',
    'Enter a valid e-mail address.',
    'Enter your password.',
    'That password is too long.',
    INCORRECT_CREDENTIALS,
    PASSWORD_LOCKED,
  ];
  const { cases, bad } = await sweep(browser, '/login', 'email', { email: user.email, password: 'not the password' }, ['email', 'password'], messages);
  expect(bad).toEqual([]);
  expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
  observe(`${cases} posts → a field message, "incorrect" or (after 10 wrong passwords) "paused"; no session`);
});

// needs the fix from the bad-input branch
test('S14 file parts on the login form: the e-mail or password sent as a file gets a plain field message, no password check', async () => {
  const user = suite.claim();
  const browser = new NoJsBrowser(a);
  const before = { audit: await suite.auditCount(), throttled: await throttled() };
  const { cases, bad } = await sendAsFiles(browser, '/login', 'email', { email: user.email, password: user.password }, ['email', 'password']);
  expect(bad).toEqual([]);
  expect({ audit: await suite.auditCount(), throttled: await throttled(), session: browser.cookies.has(SESSION_COOKIE) }).toEqual({
    ...before,
    session: false,
  });
  observe(`${cases} fields as files → their field message; no password checked, no audit row, no session`);
});

// needs the fix from the bad-input branch
test('S14 1 MB field on the login form: 413 with a clear message, nothing written', async () => {
  const user = suite.claim();
  const browser = new NoJsBrowser(a);
  const before = { audit: await suite.auditCount(), throttled: await throttled() };
  const answers = [];
  for (const field of ['email', 'password'])
    answers.push({ field, ...(await postOneMegabyte(browser, '/login', 'email', { email: user.email, password: 'not the password' }, field)) });
  observe(answers.map((x) => `${x.field}: ${x.status} "${x.text}"`).join('; '));
  expect(answers.map(({ field, status, problem }) => ({ field, status, problem }))).toEqual([
    { field: 'email', status: 413, problem: null },
    { field: 'password', status: 413, problem: null },
  ]);
  expect({ audit: await suite.auditCount(), throttled: await throttled(), session: browser.cookies.has(SESSION_COOKIE) }).toEqual({
    ...before,
    session: false,
  });
});
