/**
 * Parsing of a typed verification code (S14). Spaces anywhere are ignored ("123 456");
 * anything else that is not exactly six ASCII digits is refused before it reaches the
 * TOTP check or any counter, so bad input changes nothing.
 */

const MAX_INPUT_LENGTH = 64;

export type ParsedCode = { ok: true; code: string } | { ok: false; message: string };

export const CODE_FORMAT_MESSAGE = 'Enter the 6-digit code from your authentication app.';

export function parseVerificationCode(input: unknown): ParsedCode {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return { ok: false, message: CODE_FORMAT_MESSAGE };
  const code = input.replace(/[\s\u00a0]/g, '');
  // [0-9], not \d: unicode digits such as "١٢٣٤٥٦" are not codes.
  if (!/^[0-9]{6}$/.test(code)) return { ok: false, message: CODE_FORMAT_MESSAGE };
  return { ok: true, code };
}
