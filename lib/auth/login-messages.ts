/**
 * The words of the sign-in steps, in the product's help-text voice, as catalogue keys
 * (messages/*.json, areas login and verify): the actions and the login page turn them into
 * text in the request's language. Durations come from the limits themselves, never a second
 * literal: the catalogues say them with an ICU plural ("15 minutes", "15 minuten").
 */
import { messageKey, type Message } from '@/lib/i18n/messages';
import { CODE_LOCK_MS, PENDING_LIFETIME_MS, PASSWORD_LOCK_MS } from './limits';

/** A limit's length in whole minutes, as the messages' {minutes, plural, …} takes it. */
const minutes = (ms: number) => Math.round(ms / 60_000);

export const INCORRECT_CREDENTIALS = messageKey('login.incorrectCredentials');

export const PASSWORD_LOCKED: Message = { key: 'login.passwordLocked', values: { minutes: minutes(PASSWORD_LOCK_MS) } };

export const CODE_NOT_ACCEPTED = messageKey('verify.codeNotAccepted');

export const CODE_ALREADY_USED = messageKey('verify.codeAlreadyUsed');

export const RECOVERY_CODE_NOT_ACCEPTED = messageKey('verify.recovery.notAccepted');

export const RECOVERY_CODE_ALREADY_USED = messageKey('verify.recovery.alreadyUsed');

/** After a wrong or replayed code: how many more this login allows (S4), "4 attempts left before …". */
export function attemptsLeft(count: number): Message {
  return { key: 'verify.attemptsLeft', values: { count } };
}

/** Notices the login page shows when a later step sends the user back to it (?notice=…). */
const LOGIN_NOTICES = {
  'start-again': { key: 'login.notices.startAgain', values: { minutes: minutes(PENDING_LIFETIME_MS) } },
  'code-locked': { key: 'login.notices.codeLocked', values: { minutes: minutes(CODE_LOCK_MS) } },
  'logged-out': messageKey('login.notices.loggedOut'),
} satisfies Record<string, Message>;

type LoginNotice = keyof typeof LOGIN_NOTICES;

export function loginNotice(value: unknown): { key: LoginNotice; message: Message } | null {
  return typeof value === 'string' && Object.hasOwn(LOGIN_NOTICES, value) ? { key: value as LoginNotice, message: LOGIN_NOTICES[value as LoginNotice] } : null;
}
