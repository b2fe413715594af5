import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens: 256 random bits in the cookie; the database keeps only their SHA-256,
 * so a copy of the sessions table cannot be replayed as cookies.
 */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdFromToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
