import { randomBytes } from 'node:crypto';
import type { Message } from '@/lib/i18n/messages';

/**
 * Recovery codes (S13): 10 characters from a 32-character alphabet without look-alikes
 * (no 0/O, no 1/I), shown as XXXXX-XXXXX. 32 = 2^5, so each character is 5 random bits and
 * a code 50 bits. Under the guess limits of S4 (10 wrong codes per 15 minutes per account,
 * about 350,000 guesses a year) against a set of 10 codes, the chance of a hit in a year is
 * about 3 in a billion.
 */

export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const RECOVERY_CODE_LENGTH = 10;
const RECOVERY_CODES_PER_SET = 10;
/** With this many unused codes or fewer, the portal suggests new ones. */
export const LOW_RECOVERY_CODES = 2;

const MAX_INPUT_LENGTH = 64;

export function createRecoveryCode(): string {
  // 256 is a multiple of 32: the low 5 bits of a random byte are uniform, no modulo bias.
  return Array.from(randomBytes(RECOVERY_CODE_LENGTH), (byte) => RECOVERY_CODE_ALPHABET[byte & 31]).join('');
}

/** A set of distinct codes, in the form they are stored and checked (no dash). */
export function createRecoveryCodeSet(count = RECOVERY_CODES_PER_SET): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(createRecoveryCode());
  return [...codes];
}

/** How a code is shown to the user: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A refusal carries a catalogue message: the action turns it into text in the request's language. */
export type ParsedRecoveryCode = { ok: true; code: string } | { ok: false; message: Message };

export const RECOVERY_CODE_FORMAT_MESSAGE: Message = { key: 'verify.recovery.format', values: { length: RECOVERY_CODE_LENGTH } };

// Case-insensitive over ASCII only: 'ß' or 'ſ' must not become letters of a code by upper-casing.
const VALID = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`, 'i');

/**
 * A typed recovery code (S14): case, spaces and dashes (also the typographic ones a word
 * processor puts in) do not matter. Anything else that cannot be a code is refused before it
 * reaches a counter, so bad input changes nothing.
 */
export function parseRecoveryCode(input: unknown): ParsedRecoveryCode {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return { ok: false, message: RECOVERY_CODE_FORMAT_MESSAGE };
  const code = input.replace(/[\s\u00a0\-\u2010-\u2015\u2212]/g, '');
  if (!VALID.test(code)) return { ok: false, message: RECOVERY_CODE_FORMAT_MESSAGE };
  return { ok: true, code: code.toUpperCase() };
}
