/**
 * Parsing of a typed verification code (S14). Spaces anywhere are ignored ("123 456");
 * anything else that is not exactly six ASCII digits is refused before it reaches the
 * TOTP check or any counter, so bad input changes nothing.
 */

import { messageKey, type MessageKey } from '@/lib/i18n/messages';

const MAX_INPUT_LENGTH = 64;

/** A refusal carries a catalogue key: the action turns it into text in the request's language. */
export type ParsedCode = { ok: true; code: string } | { ok: false; message: MessageKey };

export const CODE_FORMAT_MESSAGE = messageKey('verify.codeFormat');

export function parseVerificationCode(input: unknown): ParsedCode {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return { ok: false, message: CODE_FORMAT_MESSAGE };
  const code = input.replace(/[\s\u00a0]/g, '');
  // [0-9], not \d: unicode digits such as "١٢٣٤٥٦" are not codes.
  if (!/^[0-9]{6}$/.test(code)) return { ok: false, message: CODE_FORMAT_MESSAGE };
  return { ok: true, code };
}
