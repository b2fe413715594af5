import 'server-only';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import * as nlBe from '@zxcvbn-ts/language-nl-be';
import { productConfig } from '@/lib/env';
import { passwordStrength, type StrengthResult, type StrengthSetup } from './password-workers';
import type { Message, MessageKey } from '@/lib/i18n/messages';
import {
  NAME_PIECE_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  PASSWORD_STRENGTH_CHECKED_LENGTH,
  PASSWORD_STRENGTH_L33T_READINGS,
} from './password-limits';

/**
 * The rules a new password must meet (S17), as NIST SP 800-63B §3.1.1.2 asks: a minimum
 * length, every character allowed, no composition rules (no "one digit, one capital"), and no
 * password that is common, breached or made of the account's own words. "Common" is zxcvbn's
 * judgement: its dictionaries (the common and breached password lists, and English, Belgian
 * Dutch and French words and names) ship in npm packages, so nothing goes over the network.
 *
 * Length is counted in Unicode code points of the NFC form: one character as the user sees it
 * (é typed as e + accent counts once), as §3.1.1.2 counts. Not NFKC: it would count a ligature
 * such as "ﬃ" as three. The password itself is stored and compared exactly as typed, as the
 * login always has, so no existing password stops working.
 */

export type PasswordFeedback = StrengthResult['feedback'];

export type PasswordVerdict =
  | { kind: 'ok' }
  | { kind: 'too-short' }
  | { kind: 'too-long' }
  | { kind: 'contains-email-name' }
  | { kind: 'contains-product-name' }
  | { kind: 'too-weak'; feedback: PasswordFeedback };

/** zxcvbn's word lists: imported for this thread, named for the workers (which require them by name). */
const PACKAGES = {
  '@zxcvbn-ts/language-common': common,
  '@zxcvbn-ts/language-en': en,
  '@zxcvbn-ts/language-nl-be': nlBe,
  '@zxcvbn-ts/language-fr': fr,
} as const;
type PackageName = keyof typeof PACKAGES;

/** How zxcvbn's matcher is built, on a worker (lib/auth/password-workers.ts) or, without workers, here. */
const STRENGTH_SETUP = {
  graphs: '@zxcvbn-ts/language-common',
  dictionaries: Object.keys(PACKAGES) as PackageName[],
  options: {
    // Levenshtein matching made each check 1 to 2 s here. Without it, these two bound the rest.
    useLevenshteinDistance: false,
    maxLength: PASSWORD_STRENGTH_CHECKED_LENGTH,
    l33tMaxSubstitutions: PASSWORD_STRENGTH_L33T_READINGS,
  },
} as const satisfies StrengthSetup;

// Built on first use, once per thread that checks: the dictionaries are large (see the S17 row for
// the measured time and memory), and a login that asks for no new password never pays for them.
let matcherHere: ZxcvbnFactory | undefined;

function strengthHere(password: string, userInputs: string[]): StrengthResult {
  matcherHere ??= new ZxcvbnFactory({
    ...STRENGTH_SETUP.options,
    graphs: PACKAGES[STRENGTH_SETUP.graphs].adjacencyGraphs,
    dictionary: Object.assign({}, ...STRENGTH_SETUP.dictionaries.map((name) => PACKAGES[name].dictionary)),
  });
  const { score, feedback } = matcherHere.check(password, userInputs);
  return { score, feedback: { warning: feedback.warning, suggestions: feedback.suggestions } };
}

/** How long the password is, in characters as the user sees them. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** The e-mail's name part and its pieces ("jan.peeters-de_smet" → jan.peeters-de_smet, jan, peeters, smet), those of 3 characters or more. */
export function emailNameParts(email: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  return [...new Set([local, ...local.split(/[._+-]+/)])].filter((part) => passwordLength(part) >= NAME_PIECE_MIN_LENGTH);
}

function productNameForms(): string[] {
  const name = productConfig().APP_NAME.toLowerCase();
  return [...new Set([name, name.replace(/\s+/g, '')])].filter((form) => form.length >= NAME_PIECE_MIN_LENGTH);
}

/**
 * Whether `password` may become the password of the account with address `email`. zxcvbn's part
 * runs on a worker thread: up to 0.1 s of work that would otherwise hold the event loop.
 */
export async function checkNewPassword(password: string, { email }: { email: string }): Promise<PasswordVerdict> {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return { kind: 'too-short' };
  if (length > PASSWORD_MAX_LENGTH) return { kind: 'too-long' };
  const folded = password.normalize('NFC').toLowerCase();
  const nameParts = emailNameParts(email);
  if (nameParts.some((part) => folded.includes(part))) return { kind: 'contains-email-name' };
  const productForms = productNameForms();
  if (productForms.some((form) => folded.includes(form))) return { kind: 'contains-product-name' };
  // The account's and the product's words also count as "guessable" inside zxcvbn's score.
  const userInputs = [...nameParts, ...productForms, ...productConfig().APP_NAME.toLowerCase().split(/\s+/)];
  const result = await passwordStrength(password, { userInputs, setup: STRENGTH_SETUP }, () => strengthHere(password, userInputs));
  if (result.score < PASSWORD_MIN_SCORE) return { kind: 'too-weak', feedback: result.feedback };
  return { kind: 'ok' };
}

const WARNINGS = {
  straightRow: 'password.feedback.straightRow',
  keyPattern: 'password.feedback.keyPattern',
  simpleRepeat: 'password.feedback.simpleRepeat',
  extendedRepeat: 'password.feedback.extendedRepeat',
  sequences: 'password.feedback.sequences',
  recentYears: 'password.feedback.recentYears',
  dates: 'password.feedback.dates',
  topTen: 'password.feedback.topTen',
  topHundred: 'password.feedback.topHundred',
  common: 'password.feedback.common',
  similarToCommon: 'password.feedback.similarToCommon',
  wordByItself: 'password.feedback.wordByItself',
  namesByThemselves: 'password.feedback.namesByThemselves',
  commonNames: 'password.feedback.commonNames',
  userInputs: 'password.feedback.userInputs',
  pwned: 'password.feedback.pwned',
} as const satisfies Record<string, MessageKey>;

const SUGGESTIONS = {
  l33t: 'password.suggestion.l33t',
  reverseWords: 'password.suggestion.reverseWords',
  allUppercase: 'password.suggestion.allUppercase',
  capitalization: 'password.suggestion.capitalization',
  dates: 'password.suggestion.dates',
  recentYears: 'password.suggestion.recentYears',
  associatedYears: 'password.suggestion.associatedYears',
  sequences: 'password.suggestion.sequences',
  repeated: 'password.suggestion.repeated',
  longerKeyboardPattern: 'password.suggestion.longerKeyboardPattern',
  anotherWord: 'password.suggestion.anotherWord',
  useWords: 'password.suggestion.useWords',
  noNeed: 'password.suggestion.noNeed',
  pwned: 'password.suggestion.pwned',
} as const satisfies Record<string, MessageKey>;

function feedbackKey<T extends Record<string, MessageKey>>(map: T, code: string | null): MessageKey | null {
  return code !== null && Object.hasOwn(map, code) ? map[code as keyof T] : null;
}

/**
 * What the user reads about a refused password: the rule it broke, then zxcvbn's warning and
 * suggestions in plain words (the catalogue's own wording of zxcvbn's codes, in the reader's
 * language; a code this version does not know is left out rather than shown raw).
 */
export function passwordVerdictMessages(verdict: Exclude<PasswordVerdict, { kind: 'ok' }>): Message[] {
  switch (verdict.kind) {
    case 'too-short':
      return [{ key: 'password.rules.tooShort', values: { min: PASSWORD_MIN_LENGTH } }];
    case 'too-long':
      return [{ key: 'password.rules.tooLong', values: { max: PASSWORD_MAX_LENGTH } }];
    case 'contains-email-name':
      return ['password.rules.containsEmailName'];
    case 'contains-product-name':
      return [{ key: 'password.rules.containsProductName', values: { appName: productConfig().APP_NAME } }];
    case 'too-weak': {
      const warning = feedbackKey(WARNINGS, verdict.feedback.warning);
      const suggestions = verdict.feedback.suggestions.map((code) => feedbackKey(SUGGESTIONS, code)).filter((key) => key !== null);
      return ['password.rules.tooWeak', ...(warning ? [warning] : []), ...(suggestions.length ? suggestions : ['password.suggestion.anotherWord' as const])];
    }
  }
}
