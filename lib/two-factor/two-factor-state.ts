import type { Prisma } from '@/lib/generated/sqlite/client';

/**
 * What "2FA is on" means, in one place: a confirmed authenticator app, or at least one security
 * key or passkey (S24). Every query that lists, counts or reminds users by their 2FA state uses
 * these filters, so every screen, reminder and report follows the same definition.
 */
export const TWO_FACTOR_ON = {
  OR: [{ totpCredential: { isNot: null } }, { webAuthnCredentials: { some: {} } }],
} satisfies Prisma.UserWhereInput;
export const TWO_FACTOR_OFF = { totpCredential: { is: null }, webAuthnCredentials: { none: {} } } satisfies Prisma.UserWhereInput;

/**
 * The relations a user row must select for `twoFactorSince`: the app, and the oldest key. The
 * signed-in guard reads the same two in its one SQL statement (readSessionRow in lib/auth/sessions.ts): a new method goes there too.
 */
export const TWO_FACTOR_SELECT = {
  totpCredential: { select: { confirmedAt: true } },
  webAuthnCredentials: { select: { createdAt: true }, orderBy: { createdAt: 'asc' }, take: 1 },
} satisfies Prisma.UserSelect;

/** When the user's 2FA was turned on (their earliest method still in place), or null when it is off. */
export function twoFactorSince(user: { totpCredential: { confirmedAt: Date } | null; webAuthnCredentials?: { createdAt: Date }[] }): Date | null {
  const times = [user.totpCredential?.confirmedAt, ...(user.webAuthnCredentials ?? []).map((key) => key.createdAt)].filter((t): t is Date => !!t);
  if (times.length === 0) return null;
  return new Date(Math.min(...times.map((t) => t.getTime())));
}
