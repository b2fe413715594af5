import type { Prisma } from '@/lib/generated/sqlite/client';

/**
 * What "2FA is on" means, in one place: today a confirmed authenticator app. Every query that
 * lists, counts or reminds users by their 2FA state uses these filters, so a second kind of
 * method (security keys) is added here once and every screen, reminder and report follows.
 */
export const TWO_FACTOR_ON = { totpCredential: { isNot: null } } satisfies Prisma.UserWhereInput;
export const TWO_FACTOR_OFF = { totpCredential: { is: null } } satisfies Prisma.UserWhereInput;

/** The relations a user row must select for `twoFactorSince`. */
export const TWO_FACTOR_SELECT = { totpCredential: { select: { confirmedAt: true } } } satisfies Prisma.UserSelect;

/** When the user's 2FA was turned on (their earliest method still in place), or null when it is off. */
export function twoFactorSince(user: { totpCredential: { confirmedAt: Date } | null }): Date | null {
  return user.totpCredential?.confirmedAt ?? null;
}
