import 'server-only';
import type { FormState } from '@/lib/forms/form-state';
import { FORM_UNREADABLE } from '@/lib/forms/form-input';
import type { Locale } from '@/lib/i18n/locale';
import type { Message } from '@/lib/i18n/messages';
import { getRequestLocale, translateMessage } from '@/lib/i18n/server';
import { CODE_FORMAT_MESSAGE } from '@/lib/two-factor/code-format';
import { attemptsLeft, CODE_ALREADY_USED, CODE_NOT_ACCEPTED } from './login-messages';
import { CODE_FAILURE_LIMIT } from './limits';

type RefusalWords = { wrong: Message; replayed: Message };

/** A refused code, in the words of its kind: the field's message and the attempts left (the app's code and the recovery code alike). */
function refusedCodeState(field: string, words: RefusalWords, kind: 'wrong' | 'replayed', left: number, say: (message: Message) => string): FormState {
  return { fieldErrors: { [field]: [say(words[kind])] }, message: say(attemptsLeft(left)) };
}

/** The same as a server action answers it (the recovery code's form), in the request's language. */
export function refusedCode(field: string, words: RefusalWords) {
  return async (kind: 'wrong' | 'replayed', left: number): Promise<FormState> => {
    const locale = await getRequestLocale();
    return refusedCodeState(field, words, kind, left, (message) => translateMessage(locale, message));
  };
}

/**
 * Why the code step's form post (app/(auth)/login/verify/code/route.ts) did not sign the user in.
 * Without JavaScript it travels in the query string of the page the browser is sent back to
 * (`?refused=wrong&left=3`), so it holds no text, only a reason and a count: someone who edits
 * it changes what their own page says, nothing else.
 */
export type CodeRefusal = { reason: 'format' | 'unreadable' | 'later' } | { reason: 'wrong' | 'replayed'; attemptsLeft: number };

/**
 * The form's state for a refusal, in `locale` (the request's: the route handler has it from the
 * session it read, the page from getRequestLocale); "remember this browser" stays as the user left it.
 */
export function codeRefusalState(refusal: CodeRefusal, remember: boolean, locale: Locale): FormState {
  const values = remember ? { rememberBrowser: 'on' } : undefined;
  const say = (message: Message) => translateMessage(locale, message);
  switch (refusal.reason) {
    case 'format':
      return { fieldErrors: { code: [say(CODE_FORMAT_MESSAGE)] }, values };
    case 'unreadable':
      return { message: say(FORM_UNREADABLE), values };
    case 'later':
      return { message: say('errors.tryAgainLater'), values };
    case 'wrong':
    case 'replayed':
      return { ...refusedCodeState('code', { wrong: CODE_NOT_ACCEPTED, replayed: CODE_ALREADY_USED }, refusal.reason, refusal.attemptsLeft, say), values };
  }
}

/** The refusal as query parameters of the page the browser goes back to. */
export function codeRefusalQuery(refusal: CodeRefusal, remember: boolean): Record<string, string> {
  return {
    refused: refusal.reason,
    ...('attemptsLeft' in refusal ? { left: String(refusal.attemptsLeft) } : {}),
    ...(remember ? { remember: 'on' } : {}),
  };
}

/** The refusal the page was sent back with, or null: anything but the values above is ignored. */
export function codeRefusalFromQuery(params: Record<string, string | string[] | undefined>): { refusal: CodeRefusal; remember: boolean } | null {
  const remember = params.remember === 'on';
  const { refused, left } = params;
  if (refused === 'format' || refused === 'unreadable' || refused === 'later') return { refusal: { reason: refused }, remember };
  if ((refused === 'wrong' || refused === 'replayed') && typeof left === 'string' && /^[0-9]{1,2}$/.test(left) && Number(left) <= CODE_FAILURE_LIMIT) {
    return { refusal: { reason: refused, attemptsLeft: Number(left) }, remember };
  }
  return null;
}
