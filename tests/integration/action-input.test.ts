/**
 * Every server action is a public endpoint: anyone can post to it with the Next-Action header and
 * any body React's decoder accepts. Found by an outside test: the login's action (a route handler since, decision 0020) called with `[]`, `[{},null]`
 * or a JSON object answered 500 with a stack frame and the server's path, and a password sent as a
 * file part showed the validator's "expected string, received File". Here every action is called
 * as a signed-in caller who may use it (so nothing but the input stops it), with arguments that are
 * no form data and with a file part in each field: each answer is a plain message, and nothing in
 * the database changes (no audit row, no attempt counted, no session).
 */
import { NextRequest } from 'next/server';
import { as, FakeBrowser, form, nextHeaders, noState } from '../helpers/fake-browser';
jest.mock('next/headers', () => nextHeaders);

import { db } from '@/lib/db';
import type { FormState } from '@/lib/forms/form-state';
import { FORM_UNREADABLE as FORM_UNREADABLE_KEY } from '@/lib/forms/form-input';
import { logOut } from '@/app/(auth)/logout/actions';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { POST as postCodeStep } from '@/app/(auth)/login/verify/code/route';
import { POST as postPasswordStep } from '@/app/(auth)/login/password/route';
import { beginEnrolment, finishEnrolment, generateRecoveryCodes, turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { signOutEverywhereElse } from '@/app/(app)/settings/security/actions';
import { saveTwoFactorRequirement } from '@/app/(app)/office/actions';
import { resetUserTwoFactor, unlockUserAccount } from '@/app/(app)/helpdesk/users/[id]/actions';
import { CODE_FORMAT_MESSAGE as CODE_FORMAT } from '@/lib/two-factor/code-format';
import { RECOVERY_CODE_FORMAT_MESSAGE as RECOVERY_CODE_FORMAT } from '@/lib/two-factor/recovery-code-format';
import { english } from '../helpers/english';
import { signOutUserEverywhere } from '@/app/(app)/helpdesk/users/[id]/sign-out-everywhere-actions';
import { createUser, type TestUser } from '../helpers/factories';
import { pendingBrowser, signedInBrowser } from '../helpers/sign-in';

type AnyAction = (...args: unknown[]) => Promise<unknown>;

// The answers in English, the language of a browser that asks for none (DEFAULT_LOCALE).
const FORM_UNREADABLE = english(FORM_UNREADABLE_KEY);
const CODE_FORMAT_MESSAGE = english(CODE_FORMAT);
const RECOVERY_CODE_FORMAT_MESSAGE = english(RECOVERY_CODE_FORMAT);
type Fields = Record<string, string | string[]>;

/** What a forged request can make React's decoder hand to an action instead of form data. */
const NOT_FORM_DATA: Array<[string, unknown[]]> = [
  ['no arguments', []],
  ['one argument', [{}]],
  ['null', [{}, null]],
  ['a JSON object', [{}, { a: 1 }]],
  ['an object with get/getAll methods', [{}, { get: () => 'x', getAll: () => ['x'] }]],
  ['a string', [{}, 'email=a@b.example']],
  ['an array', [{}, ['email', 'a@b.example']]],
  ['a number', [{}, 42]],
];

/** zod's own English texts (v4): none of them may reach a user. */
const VALIDATOR_TEXT = /expected|received|Invalid (input|option|string|type)|Too (big|small)|Unrecognized|must match/i;

/** Every message in an answer, for the check that none is the validator's. */
function messagesOf(state: FormState): string[] {
  return [state.message ?? '', ...Object.values(state.fieldErrors ?? {}).flatMap((m) => m ?? [])].filter(Boolean);
}

/** `fields` as form data, with `fileField` sent as a file part (what `curl -F field=@file` sends). */
function formWithFile(fields: Fields, fileField: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (name === fileField) continue;
    for (const one of [value].flat()) data.append(name, one);
  }
  data.append(fileField, new File([String([fields[fileField] ?? 'x'].flat()[0])], 'field.txt', { type: 'text/plain' }));
  return data;
}

/**
 * Everything an action could change, read back for comparison. Volatile columns the guards may
 * touch on a read (lastSeenAt, updatedAt) are left out; none of these actions gets that far here.
 */
async function databaseState() {
  const [users, offices, credentials, enrolments, recoveryCodes, sessions, throttles, audit, outbox] = await Promise.all([
    db.user.findMany({
      select: { id: true, sessionVersion: true, codeFailures: true, codeLockedUntil: true, lastSignInAt: true, twoFactorDueBy: true, officeId: true },
      orderBy: { id: 'asc' },
    }),
    db.office.findMany({ select: { id: true, twoFactorRequired: true, twoFactorGraceDays: true, twoFactorDeadline: true }, orderBy: { id: 'asc' } }),
    db.totpCredential.findMany({ select: { userId: true, lastUsedStep: true, secretCiphertext: true }, orderBy: { userId: 'asc' } }),
    db.totpEnrolment.findMany({ select: { userId: true, secretCiphertext: true }, orderBy: { userId: 'asc' } }),
    db.recoveryCode.findMany({ select: { id: true, usedAt: true }, orderBy: { id: 'asc' } }),
    db.session.findMany({ select: { id: true, stage: true, codeAttempts: true, userVersion: true }, orderBy: { id: 'asc' } }),
    db.loginThrottle.findMany({ select: { key: true, failures: true, lockedUntil: true }, orderBy: { key: 'asc' } }),
    db.auditEvent.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
    db.outboxMessage.findMany({ select: { id: true }, orderBy: { id: 'asc' } }),
  ]);
  return { users, offices, credentials, enrolments, recoveryCodes, sessions, throttles, audit, outbox };
}

type Case = {
  name: string;
  action: AnyAction;
  /**
   * The caller the action is meant for and a valid form of theirs (except where noted), fresh for
   * each call: a counted attempt must not hide in an earlier call, and a 2FA sign-in uses up its code.
   */
  setup: () => Promise<{ browser: FakeBrowser; fields: Fields }>;
  /** The answer to a file part in each field. */
  fileAnswers: Record<string, FormState>;
};

let pending: TestUser;
let agentBrowser: FakeBrowser;
let target: TestUser;
let admin: TestUser;
let adminBrowser: FakeBrowser;

beforeAll(async () => {
  pending = await createUser({ twoFactor: true });
  agentBrowser = await signedInBrowser(await createUser({ role: 'HELPDESK', twoFactor: true, officeId: null }));
  target = await createUser({ twoFactor: true });
  admin = await createUser({ role: 'OFFICE_ADMIN', twoFactor: true });
  await createUser({ officeId: admin.officeId }); // members the requirement would affect (the admin has 2FA: S25)
  await createUser({ officeId: admin.officeId });
  // Signed in once, like the agent: a second login within the same 30 seconds would replay its code.
  adminBrowser = await signedInBrowser(admin);
});

const withTwoFactor = async () => {
  const user = await createUser({ twoFactor: true });
  return { browser: await signedInBrowser(user), fields: { password: user.password } };
};

const CASES: Case[] = [
  {
    name: 'verifyRecoveryCode',
    action: verifyRecoveryCode as AnyAction,
    setup: async () => ({ browser: await pendingBrowser(pending), fields: { recoveryCode: '7KQ2M-XH4PD' } }),
    fileAnswers: { recoveryCode: { fieldErrors: { recoveryCode: [RECOVERY_CODE_FORMAT_MESSAGE] } } },
  },
  {
    name: 'finishEnrolment',
    action: finishEnrolment as AnyAction,
    setup: async () => {
      const browser = await signedInBrowser(await createUser());
      await as(browser, beginEnrolment);
      return { browser, fields: { code: '123456' } };
    },
    fileAnswers: { code: { fieldErrors: { code: [CODE_FORMAT_MESSAGE] } } },
  },
  {
    name: 'turnOffTwoFactor',
    action: turnOffTwoFactor as AnyAction,
    setup: withTwoFactor,
    fileAnswers: { password: { fieldErrors: { password: ['Enter your password.'] } } },
  },
  {
    name: 'generateRecoveryCodes',
    action: generateRecoveryCodes as AnyAction,
    setup: withTwoFactor,
    fileAnswers: { password: { fieldErrors: { password: ['Enter your password.'] } } },
  },
  {
    name: 'saveTwoFactorRequirement',
    action: saveTwoFactorRequirement as AnyAction,
    // The first click (no confirm yet): a valid request answers with the preview and writes nothing.
    setup: async () => ({ browser: adminBrowser, fields: { required: 'on', graceDays: '14' } }),
    fileAnswers: {
      // With the requirement on, a grace period that is not a number (a file part reads as empty) is asked for again.
      graceDays: {
        fieldErrors: { graceDays: ['Enter the grace period as a number of days.'] },
        values: { graceDays: '', required: 'on' },
      },
      confirm: {
        fieldErrors: { confirm: ['Confirm to apply'] },
        values: { graceDays: '14', required: 'on' },
        message: expect.stringMatching(/^2 users do not have two-factor authentication yet\./),
      },
    },
  },
  {
    name: 'resetUserTwoFactor',
    action: resetUserTwoFactor as AnyAction,
    setup: async () => ({
      browser: agentBrowser,
      fields: {
        userId: target.id,
        checks: ['callback_phone_on_file', 'office_admin_confirmed'],
        ticket: 'HD-1234',
        reason: 'Lost phone, called back on file number',
        confirm: target.id,
      },
    }),
    fileAnswers: {
      userId: expect.objectContaining({ message: 'This user no longer exists.' }),
      checks: expect.objectContaining({ fieldErrors: { checks: ['Choose only identity checks from the list.'] } }),
      ticket: expect.objectContaining({ fieldErrors: { ticket: ['Enter the ticket reference.'] } }),
      reason: expect.objectContaining({ fieldErrors: { reason: ['Describe the reason in a few words (at least 10 characters).'] } }),
      confirm: expect.objectContaining({ fieldErrors: { confirm: ['Confirm the reset with the button that names the user.'] } }),
    },
  },
  {
    name: 'unlockUserAccount',
    action: unlockUserAccount as AnyAction,
    setup: async () => ({ browser: agentBrowser, fields: { userId: target.id, ticket: 'HD-1234', reason: 'Locked out, called back on file number' } }),
    fileAnswers: {
      userId: expect.objectContaining({ message: 'This user no longer exists.' }),
      ticket: expect.objectContaining({ fieldErrors: { ticket: ['Enter the ticket reference.'] } }),
      reason: expect.objectContaining({ fieldErrors: { reason: ['Describe the reason in a few words (at least 10 characters).'] } }),
    },
  },
  {
    name: 'signOutUserEverywhere',
    action: signOutUserEverywhere as AnyAction,
    setup: async () => ({ browser: agentBrowser, fields: { userId: target.id, ticket: 'HD-1234', reason: 'Laptop stolen, called back on file number' } }),
    fileAnswers: {
      userId: expect.objectContaining({ message: 'This user no longer exists.' }),
      ticket: expect.objectContaining({ fieldErrors: { ticket: ['Enter the ticket reference.'] } }),
      reason: expect.objectContaining({ fieldErrors: { reason: ['Describe the reason in a few words (at least 10 characters).'] } }),
    },
  },
];

describe.each(CASES)('$name', ({ action, setup, fileAnswers }) => {
  it.each(NOT_FORM_DATA)('answers %s instead of form data with a plain message, changing nothing', async (_label, args) => {
    const { browser } = await setup();
    const before = await databaseState();
    await expect(as(browser, () => action(...args))).resolves.toEqual({ result: { message: FORM_UNREADABLE } });
    expect(await databaseState()).toEqual(before);
  });

  it.each(Object.keys(fileAnswers))('answers a file part as %s with the form’s own message, changing nothing', async (field) => {
    const { browser, fields } = await setup();
    const before = await databaseState();
    const outcome = await as(browser, () => action(noState, formWithFile(fields, field)));
    expect(outcome).toEqual({ result: fileAnswers[field] });
    for (const message of messagesOf(outcome.result as FormState)) expect(message).not.toMatch(VALIDATOR_TEXT);
    expect(await databaseState()).toEqual(before);
  });
});

/**
 * The login's two forms post to route handlers (decisions 0019, 0020): anyone can post anything
 * to them. What is not a form gets the plain message, a file part in a field gets the form's own
 * message; nothing changes either way, with or without JavaScript.
 */
type FormPost = {
  path: string;
  POST: (request: NextRequest) => Promise<Response>;
  /** The caller the form is meant for. */
  browser: () => Promise<FakeBrowser>;
  /** A valid form of theirs. */
  fields: Record<string, string>;
  /** A form the route refuses for its content, and where it sends a browser without JavaScript then. */
  malformed: [string, string];
  fileAnswers: Record<string, FormState>;
};
const FORM_POSTS: Array<[string, FormPost]> = [
  [
    'the code step’s form post',
    {
      path: '/login/verify/code',
      POST: postCodeStep,
      browser: () => pendingBrowser(pending),
      fields: { code: '123456' },
      malformed: ['code=abc', '/login/verify?refused=format'],
      fileAnswers: { code: { fieldErrors: { code: [CODE_FORMAT_MESSAGE] } } },
    },
  ],
  [
    'the login form’s post',
    {
      path: '/login/password',
      POST: postPasswordStep,
      browser: async () => new FakeBrowser(),
      fields: { email: 'nobody@office.example', password: 'x' },
      malformed: ['email=', '/login?refused=fields&email=required&password=required'],
      fileAnswers: {
        email: { fieldErrors: { email: ['Enter your e-mail address.'] }, values: { email: '' } },
        password: { fieldErrors: { password: ['Enter your password.'] }, values: { email: 'nobody@office.example' } },
      },
    },
  ],
];

describe.each(FORM_POSTS)('%s', (_name, { path, POST, browser: caller, fields, malformed: [malformedBody, malformedPage], fileAnswers }) => {
  const post = (browser: FakeBrowser, body: BodyInit | null, contentType: string | null, accept = 'application/json') =>
    as(browser, () =>
      POST(
        new NextRequest(`http://localhost:3000${path}`, { method: 'POST', headers: { accept, ...(contentType ? { 'content-type': contentType } : {}) }, body }),
      ),
    );
  const backTo = malformedPage.split('?')[0];
  const NOT_A_FORM: Array<[string, BodyInit | null, string | null]> = [
    ['a JSON object', JSON.stringify(fields), 'application/json'],
    ['plain text', new URLSearchParams(fields).toString(), 'text/plain'],
    ['no body and no type', null, null],
  ];

  it.each(NOT_A_FORM)('answers %s with a plain message, changing nothing', async (_label, body, type) => {
    const browser = await caller();
    const before = await databaseState();
    const answer = (await post(browser, body, type)).result as Response;
    expect([answer.status, await answer.json()]).toEqual([400, { state: expect.objectContaining({ message: FORM_UNREADABLE }) }]);
    // Without JavaScript: back to the form, which says the same.
    const page = (await post(browser, body, type, 'text/html')).result as Response;
    expect([page.status, page.headers.get('location')]).toEqual([303, `${backTo}?refused=unreadable`]);
    expect(await databaseState()).toEqual(before);
  });

  // No script of ours sends multipart here: these get proxy.ts's own refusal (the route does the proxy's checks itself): in
  // words for the page's script, and without JavaScript a page in words whose way back is the form's page (the route answers no GET).
  it.each([
    ['without a boundary', 'multipart/form-data'],
    ['that does not parse', 'multipart/form-data; boundary=x'],
  ])('answers multipart %s with the proxy’s refusal in words, changing nothing', async (_label, type) => {
    const browser = await caller();
    const before = await databaseState();
    const answer = (await post(browser, '--x\r\nnonsense', type)).result as Response;
    expect([answer.status, await answer.json()]).toEqual([400, { state: { message: FORM_UNREADABLE } }]);
    const page = (await post(browser, '--x\r\nnonsense', type, 'text/html')).result as Response;
    const html = await page.text();
    expect([page.status, page.headers.get('content-type'), html.includes(FORM_UNREADABLE), html.includes(`href="${backTo}"`)]).toEqual([
      400,
      'text/html; charset=utf-8',
      true,
      true,
    ]);
    expect(await databaseState()).toEqual(before);
  });

  it('answers a body over 128 kB with the words for it, changing nothing', async () => {
    const browser = await caller();
    const before = await databaseState();
    const body = new URLSearchParams({ ...fields, padding: 'x'.repeat(200_000) }).toString();
    const answer = (await post(browser, body, 'application/x-www-form-urlencoded')).result as Response;
    expect([answer.status, await answer.json()]).toEqual([413, { state: { message: english('errors.refusals.tooLarge.body') } }]);
    expect(await databaseState()).toEqual(before);
  });

  it('refuses a post from another site itself, before reading anything (proxy.ts aside)', async () => {
    const browser = await caller();
    const before = await databaseState();
    const from = (origin: string, body: string) =>
      as(browser, () =>
        POST(
          new NextRequest(`http://localhost:3000${path}`, {
            method: 'POST',
            headers: { host: 'localhost:3000', origin, 'content-type': 'application/x-www-form-urlencoded' },
            body,
          }),
        ),
      );
    // A valid form: from another site it changes nothing (no attempt counted, no session).
    const valid = new URLSearchParams(fields).toString();
    expect(((await from('https://evil.example', valid)).result as Response).status).toBe(403);
    expect(((await from('null', valid)).result as Response).status).toBe(403);
    expect(await databaseState()).toEqual(before);
    // The control: from the portal's own origin a post is read (and this one refused for what it holds).
    expect(((await from('http://localhost:3000', malformedBody)).result as Response).headers.get('location')).toBe(malformedPage);
  });

  it('sets the security headers proxy.ts sets elsewhere (S15): the proxy leaves this path out', async () => {
    const browser = await caller();
    for (const accept of ['application/json', 'text/html']) {
      const answer = (await post(browser, malformedBody, 'application/x-www-form-urlencoded', accept)).result as Response;
      expect([accept, answer.headers.get('x-frame-options'), answer.headers.get('x-content-type-options'), answer.headers.get('cache-control')]).toEqual([
        accept,
        'DENY',
        'nosniff',
        expect.stringContaining('no-store'),
      ]);
      expect(answer.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it.each(Object.keys(fileAnswers))('answers a file part as %s with the form’s own message, changing nothing', async (field) => {
    const browser = await caller();
    const before = await databaseState();
    const answer = (await post(browser, formWithFile(fields, field), null)).result as Response;
    expect(await answer.json()).toEqual({ state: fileAnswers[field] });
    expect(await databaseState()).toEqual(before);
  });
});

describe('file parts in the office setting', () => {
  it('reads a file part in the checkbox as an unticked box, as when the box is left out', async () => {
    const browser = adminBrowser;
    const ticked = { required: 'on', graceDays: '14' };
    const asFile = await as(browser, () => saveTwoFactorRequirement(noState, formWithFile(ticked, 'required')));
    const unticked = await as(browser, () => saveTwoFactorRequirement(noState, form({ graceDays: '14' })));
    expect(asFile).toEqual({ redirect: '/office?saved=1' });
    expect(unticked).toEqual(asFile);
    expect((await db.office.findUniqueOrThrow({ where: { id: admin.officeId! } })).twoFactorRequired).toBe(false);
  });
});

describe('actions without parameters', () => {
  // React passes the form data to a form's action; a forged request can pass anything, or more.
  const ODD_ARGUMENTS: Array<[string, unknown[]]> = [
    ['no arguments', []],
    ['null', [null]],
    ['a JSON object', [{ a: 1 }]],
    ['form data and more', [new FormData(), {}, null]],
    ['a mix', ['x', 1, [2]]],
  ];

  it.each(ODD_ARGUMENTS)('beginEnrolment ignores %s and does its one job', async (_label, args) => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await expect(as(browser, () => (beginEnrolment as AnyAction)(...args))).resolves.toEqual({ redirect: '/settings/2fa/enable' });
    expect(await db.totpEnrolment.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each(ODD_ARGUMENTS)('signOutEverywhereElse ignores %s and does its one job', async (_label, args) => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await signedInBrowser(user); // another session
    await expect(as(browser, () => (signOutEverywhereElse as AnyAction)(...args))).resolves.toEqual({
      redirect: '/settings/security?notice=signed-out-elsewhere',
    });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each(ODD_ARGUMENTS)('logOut ignores %s and does its one job', async (_label, args) => {
    const user = await createUser();
    const browser = await signedInBrowser(user);
    await expect(as(browser, () => (logOut as AnyAction)(...args))).resolves.toEqual({ redirect: '/login?notice=logged-out' });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
