import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

// i18n-exempt: the HTTP authentication scheme (RFC 6750), not words for a reader.
export const BEARER_SCHEME = 'Bearer';

/**
 * Whether a request carries `Authorization: Bearer <secret>` with the configured secret (S21).
 * Both sides are hashed first, so the comparison takes the same time whatever the length or the
 * first differing character of what was sent. No secret configured: nobody is let in.
 */
export function hasCronSecret(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const sent = createHash('sha256').update(authorization).digest();
  const expected = createHash('sha256').update(`${BEARER_SCHEME} ${secret}`).digest();
  return timingSafeEqual(sent, expected);
}
