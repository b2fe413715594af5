/**
 * S24 over HTTP, against the production build: a user's security key (a software authenticator
 * speaking WebAuthn's wire format, origin and RP ID = the servers' APP_URL) is added through the
 * portal's own actions; then answers an attacker could send at the login's key step are refused,
 * audited, and change nothing: an answer to another challenge, one made for another origin or RP
 * ID (a phishing site relaying the prompt), a true replay of an answer the portal accepted once, a
 * counter that went backwards (a cloned key), and another user's key.
 */
import { SoftAuthenticator } from '../helpers/soft-authenticator';
import { NoJsBrowser, type Page } from '../http/http-client';
import { pendingLogin, sessionIdOf, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { actionRedirect, actionsFromBuild } from './server-actions';

const suite = useSuite('attack');
const { a, b } = suite;
const actions = actionsFromBuild();
const appUrl = new URL(suite.serverEnv.APP_URL);

function authenticator() {
  return new SoftAuthenticator({ origin: appUrl.origin, rpId: appUrl.hostname });
}

/**
 * Calls a server action as React's client does for `action(state, formData)`: the arguments as
 * multipart form data, the FormData's fields under the prefix `_1_` and the root `[{}, "$K1"]`.
 */
async function call(browser: NoJsBrowser, name: string, fields: Record<string, string>, server = browser.server): Promise<Page> {
  const action = actions.find((candidate) => candidate.name === name);
  if (!action) throw new Error(`no action ${name} in the build`);
  const body = new FormData();
  for (const [field, value] of Object.entries(fields)) body.append(`_1_${field}`, value);
  // The root last, as React sends it: the server resolves it when it arrives.
  body.append('0', '[{},"$K1"]');
  return browser.request(action.path, { method: 'POST', body, headers: { 'next-action': action.id, accept: 'text/x-component', origin: server }, server });
}

/** The challenge in the options an action sent back (its RSC payload holds them as JSON). */
function challengeIn(page: Page): string {
  const found = page.html.match(/"challenge":"([A-Za-z0-9_-]+)"/);
  if (!found) throw new Error(`no challenge in ${page.status}: ${page.html.slice(0, 300)}`);
  return found[1];
}

async function addKey(user: { email: string; password: string; totpKey?: string }, key: SoftAuthenticator) {
  const browser = await signedIn(user, a);
  const challenge = challengeIn(await call(browser, 'prepareSecurityKey', {}));
  const saved = await call(browser, 'saveSecurityKey', { name: 'YubiKey', response: JSON.stringify(key.register({ challenge })) });
  expect(saved.html).toContain('was added');
}

async function keyStep(user: { email: string; password: string }, server = a) {
  const browser = await pendingLogin(user, server);
  const challenge = challengeIn(await call(browser, 'startKeyLogin', {}, server));
  return { browser, challenge };
}

/** What a refused answer must leave as it was: the key's counter and last use, the user's sessions. */
async function stateOf(userId: string) {
  const { rows } = await suite.sql.query(
    `SELECT (SELECT string_agg(counter::text || ':' || coalesce("lastUsedAt"::text, '-'), ',' ORDER BY id) FROM "WebAuthnCredential" WHERE "userId" = $1) AS keys,
            (SELECT string_agg(stage::text, ',' ORDER BY id) FROM "Session" WHERE "userId" = $1) AS sessions`,
    [userId],
  );
  return rows[0] as Record<string, unknown>;
}

async function refusedAnswer(
  attack: string,
  answer: (ctx: { key: SoftAuthenticator; challenge: string; user: ReturnType<typeof suite.claim> }) => Promise<unknown>,
  auditType = 'login.security_key_failed',
) {
  const user = suite.claim();
  const key = authenticator();
  await addKey(user, key);
  const { browser, challenge } = await keyStep(user);
  const response = await answer({ key, challenge, user });
  const before = await stateOf(user.id);
  const audited = () => suite.auditCount(`type = $1 AND "subjectUserId" = $2`, [auditType, user.id]);
  const auditBefore = await audited();
  const page = await call(browser, 'verifyKeyLogin', { response: JSON.stringify(response) }, b);
  expect(actionRedirect(page)).toBeNull();
  expect(page.html).toContain('This key was not accepted.');
  expect(await stateOf(user.id)).toEqual(before);
  const stage = await suite.sql.query(`SELECT stage FROM "Session" WHERE id = $1`, [sessionIdOf(browser)]);
  expect(stage.rows[0]?.stage).toBe('PENDING_2FA');
  expect((await audited()) - auditBefore).toBe(1);
  observe(`${attack}: refused on B, ${auditType} audited, nothing changed`);
  return user;
}

test('S24 a key answer to another challenge is refused, audited, nothing changed', async () => {
  await refusedAnswer('another challenge', async ({ key }) => key.assert({ challenge: 'bm90LXRoZS1jaGFsbGVuZ2UtdGhlLXBvcnRhbC1pc3N1ZWQ' }));
});

test('S24 a key answer made for another origin (a phishing site relaying the prompt) is refused', async () => {
  await refusedAnswer('another origin', async ({ key, challenge }) => key.assert({ challenge, origin: 'https://portal.example.evil' }));
});

test('S24 a key answer for another RP ID is refused', async () => {
  await refusedAnswer('another RP ID', async ({ key, challenge }) => key.assert({ challenge, rpId: 'example.evil' }));
});

test('S24 a true replay: an answer the portal accepted once, sent again to a new login, is refused', async () => {
  await refusedAnswer('true replay', async ({ key, user }) => {
    const owner = await keyStep(user);
    const accepted = key.assert({ challenge: owner.challenge });
    const signedInPage = await call(owner.browser, 'verifyKeyLogin', { response: JSON.stringify(accepted) });
    expect(actionRedirect(signedInPage)).toBe('/');
    return accepted;
  });
});

test('S24 a counter that goes backwards (a cloned key) is refused, audited as such, the user told', async () => {
  const user = await refusedAnswer(
    'counter backwards',
    async ({ key, challenge, user }) => {
      await suite.sql.query(`UPDATE "WebAuthnCredential" SET counter = 50 WHERE "userId" = $1`, [user.id]);
      return key.assert({ challenge, counter: 7 });
    },
    'login.security_key_counter_regressed',
  );
  expect(await suite.count(`SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'security_key_counter_regressed' AND "userId" = $1`, [user.id])).toBe(
    1,
  );
});

test('S24 a key of another user is refused at this user’s key step', async () => {
  await refusedAnswer('another user’s key', async ({ challenge }) => {
    const otherKey = authenticator();
    await addKey(suite.claim(), otherKey);
    return otherKey.assert({ challenge });
  });
});
