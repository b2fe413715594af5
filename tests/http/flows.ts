/** The sign-in steps and the portal's answers, as a browser without JavaScript meets them. */
import { createHash } from 'node:crypto';
import { NoJsBrowser, pageText, redirectPath, type Page } from './http-client';
import { authenticatorCode } from '../helpers/totp-reference';
import { sessionCookieName } from '../../lib/auth/cookie-name';
import { english } from '../helpers/english';
import * as LOGIN_MESSAGES from '../../lib/auth/login-messages';
import { CODE_FORMAT_MESSAGE as CODE_FORMAT } from '../../lib/two-factor/code-format';
import { RECOVERY_CODE_FORMAT_MESSAGE as RECOVERY_CODE_FORMAT } from '../../lib/two-factor/recovery-code-format';

/** The portal's answers as these suites' browsers read them: in English, the default language. */
export const INCORRECT_CREDENTIALS = english(LOGIN_MESSAGES.INCORRECT_CREDENTIALS);
export const PASSWORD_LOCKED = english(LOGIN_MESSAGES.PASSWORD_LOCKED);
export const CODE_NOT_ACCEPTED = english(LOGIN_MESSAGES.CODE_NOT_ACCEPTED);
export const CODE_ALREADY_USED = english(LOGIN_MESSAGES.CODE_ALREADY_USED);
export const CODE_FORMAT_MESSAGE = english(CODE_FORMAT);
export const RECOVERY_CODE_FORMAT_MESSAGE = english(RECOVERY_CODE_FORMAT);

/** The session cookie of a production build (HTTPS-only prefix: S15). */
export const SESSION_COOKIE = sessionCookieName({ production: true });

/** The id of the browser's session row: the SHA-256 of the cookie's token. */
export const sessionIdOf = (browser: NoJsBrowser) =>
  createHash('sha256')
    .update(browser.cookies.get(SESSION_COOKIE) ?? '')
    .digest('hex');

export function passwordStep(browser: NoJsBrowser, email: string, password: string, server?: string, extra: Record<string, string> = {}): Promise<Page> {
  return browser.submit('/login', 'email', { email, password, ...extra }, { server });
}

export function codeStep(browser: NoJsBrowser, code: string, server?: string): Promise<Page> {
  return browser.submit('/login/verify', 'code', { code }, { server });
}

/** What the answer to a form post was, in a word: the redirect's path, or the message shown. */
export function outcome(page: Page): string {
  const to = redirectPath(page);
  if (page.status >= 300 && page.status < 400) return `${page.status} → ${to}`;
  const text = pageText(page.html);
  for (const [label, message] of Object.entries({
    'incorrect-credentials': INCORRECT_CREDENTIALS,
    'password-locked': PASSWORD_LOCKED,
    'code-wrong': CODE_NOT_ACCEPTED,
    'code-replayed': CODE_ALREADY_USED,
  })) {
    if (text.includes(message)) return `${page.status} ${label}${/(\d+) attempts? left/.test(text) ? ` (${text.match(/(\d+) attempts? left/)![1]} left)` : ''}`;
  }
  return `${page.status} ${text.slice(0, 80)}`;
}

/** A new browser that has passed the password step: a pending login, waiting for the code. */
export async function pendingLogin(user: { email: string; password: string }, server: string): Promise<NoJsBrowser> {
  const browser = new NoJsBrowser(server);
  const page = await passwordStep(browser, user.email, user.password, server);
  if (redirectPath(page) !== '/login/verify') throw new Error(`${user.email}: password step: ${outcome(page)}`);
  return browser;
}

/** A signed-in session (password, and the code if asked), ready to use. */
export async function signIn(browser: NoJsBrowser, email: string, password: string, code?: () => string, server?: string): Promise<void> {
  const first = await passwordStep(browser, email, password, server);
  const to = redirectPath(first);
  if (to?.startsWith('/login/verify')) {
    if (!code) throw new Error(`${email}: a code is asked`);
    const second = await codeStep(browser, code(), server);
    if (second.status !== 303 || redirectPath(second)?.startsWith('/login')) throw new Error(`${email}: code step: ${outcome(second)}`);
  } else if (first.status !== 303) throw new Error(`${email}: password step: ${outcome(first)}`);
}

/** A new browser signed in as `user` on `server`, with the code of its authenticator when 2FA is on. */
export async function signedIn(user: { email: string; password: string; totpKey?: string }, server: string): Promise<NoJsBrowser> {
  const browser = new NoJsBrowser(server);
  await signIn(browser, user.email, user.password, user.totpKey ? () => authenticatorCode(user.totpKey!) : undefined, server);
  return browser;
}

/**
 * Waits, if needed, until early in a 30-second TOTP step: a check that computes codes for one
 * moment and takes a few seconds (password steps) must not see the server's clock move into the
 * next step half-way, which turns "one step back" into two (or "+2" into "+1").
 */
export async function startEarlyInStep(latestMs = 10_000): Promise<void> {
  const intoStep = Date.now() % 30_000;
  if (intoStep > latestMs) await new Promise((resolve) => setTimeout(resolve, 30_000 - intoStep + 200));
}
