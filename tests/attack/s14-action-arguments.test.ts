/**
 * S14 for server actions called directly: anyone can post any body to an action (the Next-Action
 * header), not only the form data its form sends. Each action of the build gets arguments that
 * are not form data, from an anonymous caller and from the caller its guard lets through: the
 * answer is no server error and shows none of the server's insides, and nothing changes.
 */
import { NoJsBrowser, pageText } from '../http/http-client';
import { pendingLogin, signedIn } from '../http/flows';
import { observe } from '../http/observe';
import { useSuite } from '../http/suite';
import { leaksInternals } from './bad-inputs';
import { actionsFromBuild, callAction } from './server-actions';

const suite = useSuite('attack');
const actions = actionsFromBuild();
/** Encoded argument lists that are not (previous state, form data); the last one is not even a list. */
const BODIES = ['[]', '[{},null]', '["x"]', '[null,null]', '{"a":1}'];

type Caller = 'pending login' | 'user' | 'helpdesk agent' | 'office admin';
/**
 * Who gets past each action's guard to where it reads its arguments; null for an action that
 * takes none (any call is a complete one, so it is only called anonymously here). A new action
 * must be added: the test fails until it is.
 */
const ADMITTED: Record<string, Caller | null> = {
  logOut: null,
  verifyRecoveryCode: 'pending login',
  beginEnrolment: null,
  finishEnrolment: 'user',
  turnOffTwoFactor: 'user',
  generateRecoveryCodes: 'user',
  signOutEverywhereElse: null,
  signOutSession: 'user',
  signOutUserEverywhere: 'helpdesk agent',
  resetUserTwoFactor: 'helpdesk agent',
  unlockUserAccount: 'helpdesk agent',
  saveTwoFactorRequirement: 'office admin',
  saveLanguagePreferences: 'user',
  chooseLanguage: null, // public; for a signed-in caller it also sets their account's language
  forgetBrowser: 'user',
  saveRememberBrowserDays: 'office admin',
  saveOfficeAlertPreference: 'office admin',
  requestPasswordResetLink: null, // public: the anonymous calls reach its arguments
  resetPasswordWithLink: null, // public: the token in the form is its credential
  changeOwnPassword: 'user',
  sendReminderNow: 'office admin',
  confirmItsYou: 'user',
  startKeyConfirm: 'user',
  confirmItsYouWithKey: 'user',
  confirmPasswordToEnable: 'user',
  startKeyLogin: 'pending login',
  verifyKeyLogin: 'pending login',
  prepareSecurityKey: 'user',
  saveSecurityKey: 'user',
  renameKey: 'user',
  removeKey: 'user',
};

/** What a call must not change: counts and sums over every table an action writes. */
async function databaseState() {
  const { rows } = await suite.sql.query(`SELECT
    (SELECT count(*) FROM "AuditEvent")::int AS audit,
    (SELECT count(*) FROM "Session")::int AS sessions,
    (SELECT string_agg(stage || ':' || "codeAttempts", ',' ORDER BY id) FROM "Session") AS "sessionStages",
    (SELECT count(*) FROM "TotpCredential")::int AS credentials,
    (SELECT count(*) FROM "TotpEnrolment")::int AS enrolments,
    (SELECT count(*) FROM "RecoveryCode")::int AS "recoveryCodes",
    (SELECT count(*) FROM "OutboxMessage")::int AS outbox,
    (SELECT coalesce(sum(failures), 0) FROM "LoginThrottle")::int AS "passwordFailures",
    (SELECT coalesce(sum("codeFailures"), 0) FROM "User")::int AS "codeFailures",
    (SELECT md5(string_agg(coalesce(locale, '-') || coalesce("timeZone", '-'), ',' ORDER BY id)) FROM "User") AS languages,
    (SELECT md5(string_agg(o::text, ',' ORDER BY o.id)) FROM "Office" o) AS offices,
    (SELECT count(*) FROM "RememberedBrowser")::int AS "rememberedBrowsers",
    (SELECT md5(string_agg(s::text, ',' ORDER BY s."officeId")) FROM "OfficeSettings" s) AS "officeSettings",
    (SELECT md5(string_agg(p::text, ',' ORDER BY p."userId")) FROM "OfficeAlertPreference" p) AS "officeAlertPreferences"`);
  return rows[0] as Record<string, unknown>;
}

// needs the fix from the bad-input branch
test(`S14 action arguments that are not form data: every server action (${actions.length}) answers without a server error or its insides, nothing changes`, async () => {
  expect(actions.map((action) => action.name).filter((name) => !(name in ADMITTED))).toEqual([]);
  const callers: Record<Caller, NoJsBrowser> = {
    'pending login': await pendingLogin(suite.claim(), suite.a),
    user: await signedIn(suite.claim(), suite.a),
    'helpdesk agent': await signedIn(suite.claim('helpdesk'), suite.a),
    'office admin': await signedIn(suite.claim('office-admin'), suite.a),
  };
  const bad: string[] = [];
  let calls = 0;
  const statuses = new Map<number, number>();
  for (const action of actions) {
    const admitted = ADMITTED[action.name];
    for (const [who, browser] of [['anonymous', null], ...(admitted ? [[admitted, callers[admitted]]] : [])] as Array<[string, NoJsBrowser | null]>) {
      for (const body of BODIES) {
        const before = await databaseState();
        const answer = await callAction(browser ?? new NoJsBrowser(suite.a), suite.a, action, { body });
        calls += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const after = await databaseState();
        const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
        const leak = leaksInternals(answer.html);
        if (answer.status >= 500 || leak || changed.length) {
          bad.push(
            `${action.name} as ${who} with ${body}: ${answer.status}${leak ? `, shows "${leak}"` : ''}${changed.length ? `, changed ${changed.join(', ')}` : ''} ${pageText(answer.html).slice(0, 60)}`,
          );
        }
      }
    }
  }
  observe(`${calls} calls; answers ${[...statuses].map(([status, n]) => `${n}× ${status}`).join(', ')}; ${bad.length} refused badly`);
  expect(bad).toEqual([]);
});
