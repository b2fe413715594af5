import 'server-only';
import type { FormState } from '@/lib/forms/form-state';
import { FORM_UNREADABLE } from '@/lib/forms/form-input';
import { NO_CONTROL_CHARACTERS } from '@/lib/forms/control-characters';
import type { Locale } from '@/lib/i18n/locale';
import type { Message } from '@/lib/i18n/messages';
import { translateMessage } from '@/lib/i18n/server';
import { EMAIL_MAX_LENGTH } from './email-address';
import { PASSWORD_MAX_LENGTH } from './password-limits';
import { INCORRECT_CREDENTIALS, PASSWORD_LOCKED } from './login-messages';

type EmailProblem = 'required' | 'tooLong' | 'invalid';
type PasswordProblem = 'required' | 'tooLong';
const EMAIL_PROBLEMS: readonly EmailProblem[] = ['required', 'tooLong', 'invalid'];
const PASSWORD_PROBLEMS: readonly PasswordProblem[] = ['required', 'tooLong'];

/**
 * Why the login form's post (app/(auth)/login/password/route.ts) did not sign the user in.
 * Without JavaScript it travels in the query string of the login page the browser is sent back
 * to (`?refused=fields&email=required`), so it holds no text, only reasons: someone who edits it
 * changes what their own page says, nothing else. The typed address does not travel there (an
 * address in a URL ends up in the history and in logs): lib/auth/typed-email-cookie.ts.
 */
export type LoginRefusal = { reason: 'incorrect' | 'locked' | 'later' | 'unreadable' } | { reason: 'fields'; email?: EmailProblem; password?: PasswordProblem };

/**
 * What is wrong with the two fields before anything is looked up, or null. A missing field or a
 * file part is an empty one (its own clear message); no e-mail address has control characters
 * (PostgreSQL refuses a NUL in text: a 500 before this check).
 */
export function loginFieldProblems(email: string, password: string): LoginRefusal | null {
  const address = email.trim();
  const emailProblem: EmailProblem | undefined = !address
    ? 'required'
    : address.length > EMAIL_MAX_LENGTH
      ? 'tooLong'
      : NO_CONTROL_CHARACTERS.test(address)
        ? undefined
        : 'invalid';
  const passwordProblem: PasswordProblem | undefined = !password ? 'required' : password.length > PASSWORD_MAX_LENGTH ? 'tooLong' : undefined;
  return fieldsRefusal(emailProblem, passwordProblem);
}

/** The refusal for these fields' problems, or null when neither has one. */
function fieldsRefusal(email: EmailProblem | undefined, password: PasswordProblem | undefined): LoginRefusal | null {
  if (!email && !password) return null;
  return { reason: 'fields', ...(email ? { email } : {}), ...(password ? { password } : {}) };
}

const FIELD_MESSAGES = {
  email: { required: 'login.emailRequired', tooLong: 'login.emailTooLong', invalid: 'login.emailInvalid' },
  password: { required: 'login.passwordRequired', tooLong: 'login.passwordTooLong' },
} as const satisfies { email: Record<EmailProblem, Message>; password: Record<PasswordProblem, Message> };

/** The login form's state for a refusal, in `locale`, with the address as the user typed it (never the password). */
export function loginRefusalState(refusal: LoginRefusal, email: string, locale: Locale): FormState {
  const values = { email: email.slice(0, EMAIL_MAX_LENGTH) };
  const say = (message: Message) => translateMessage(locale, message);
  switch (refusal.reason) {
    case 'fields': {
      const fieldErrors: Record<string, string[]> = {};
      if (refusal.email) fieldErrors.email = [say(FIELD_MESSAGES.email[refusal.email])];
      if (refusal.password) fieldErrors.password = [say(FIELD_MESSAGES.password[refusal.password])];
      return { fieldErrors, values };
    }
    case 'incorrect':
      return { message: say(INCORRECT_CREDENTIALS), values };
    case 'locked':
      return { message: say(PASSWORD_LOCKED), values };
    case 'unreadable':
      return { message: say(FORM_UNREADABLE), values };
    case 'later':
      return { message: say('errors.tryAgainLater'), values };
  }
}

/** The refusal as query parameters of the login page the browser goes back to. */
export function loginRefusalQuery(refusal: LoginRefusal): Record<string, string> {
  return Object.fromEntries(Object.entries(refusal).map(([name, value]) => [name === 'reason' ? 'refused' : name, value]));
}

/** The refusal the login page was sent back with, or null: anything but the values above is ignored. */
export function loginRefusalFromQuery(params: Record<string, string | string[] | undefined>): LoginRefusal | null {
  const { refused, email, password } = params;
  if (refused === 'incorrect' || refused === 'locked' || refused === 'later' || refused === 'unreadable') return { reason: refused };
  if (refused !== 'fields') return null;
  return fieldsRefusal(
    EMAIL_PROBLEMS.find((problem) => problem === email),
    PASSWORD_PROBLEMS.find((problem) => problem === password),
  );
}
