/** The words of the sign-in steps, in the product's help-text voice. */
import { formatDuration } from '@/lib/format';
import { CODE_LOCK_MS, PASSWORD_LOCK_MS, PENDING_LIFETIME_MS } from './limits';

export const INCORRECT_CREDENTIALS = 'The e-mail address or password is incorrect.';

export const PASSWORD_LOCKED = `There have been too many unsuccessful attempts to log in with this e-mail address. For your security, logging in is paused for ${formatDuration(PASSWORD_LOCK_MS)}. Try again later, or contact the helpdesk.`;

export const CODE_NOT_ACCEPTED =
  'That code was not accepted. Check that you are using the same authentication app you used when you enabled 2FA, and enter the most recent code.';

export const CODE_ALREADY_USED = 'That code has already been used. Wait until your authentication app shows a new code, and enter that one.';

export const RECOVERY_CODE_NOT_ACCEPTED =
  'That recovery code was not accepted. Check that you are using a code from the list you saved for this account, and that you copied it exactly.';

export const RECOVERY_CODE_ALREADY_USED = 'That recovery code has already been used. Each code works once: enter another code from your list.';

/** Notices the login page shows when a later step sends the user back to it (?notice=…). */
const LOGIN_NOTICES = {
  'start-again': `Too many incorrect codes, or the verification took longer than ${formatDuration(PENDING_LIFETIME_MS)}. Log in again with your e-mail address and password.`,
  'code-locked': `There have been too many incorrect verification codes for your account. For your security, verification is paused for ${formatDuration(CODE_LOCK_MS)}. If you no longer have your authentication app, contact the helpdesk.`,
  'logged-out': 'You have logged out.',
} as const;

type LoginNotice = keyof typeof LOGIN_NOTICES;

export function loginNotice(value: unknown): { key: LoginNotice; text: string } | null {
  return typeof value === 'string' && Object.hasOwn(LOGIN_NOTICES, value) ? { key: value as LoginNotice, text: LOGIN_NOTICES[value as LoginNotice] } : null;
}
