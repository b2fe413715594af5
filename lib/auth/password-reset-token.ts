import { createHash, randomBytes } from 'node:crypto';
import { RESET_TOKEN_BYTES } from './password-limits';

/**
 * Reset-link tokens (S16): 256 random bits in the link; the database keeps only their SHA-256,
 * so a copy of the table opens no account. A row is found by that hash (as sessions are): the
 * lookup compares hashes, never the token, and 256 bits leave nothing to guess byte by byte.
 */
export function createResetToken(): { token: string; id: string } {
  const token = randomBytes(RESET_TOKEN_BYTES).toString('base64url');
  return { token, id: resetTokenId(token) };
}

export function resetTokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The shape of a token we issue (43 base64url characters): anything else is not looked up. */
export function isResetTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
