import 'server-only';
import { containsIgnoringCase, db } from '@/lib/db';
import { throttleKey } from '@/lib/auth/login-throttle';
import type { Role } from '@/lib/db/enums';
import { TWO_FACTOR_SELECT, twoFactorSince } from '@/lib/two-factor/two-factor-state';

/** What an agent sees of a user: never a secret or a hash (S7). */
export type UserFacts = {
  id: string;
  email: string;
  name: string;
  role: Role;
  officeName: string | null;
  twoFactor: { status: 'off' } | { status: 'pending' } | { status: 'on'; since: Date };
  /** Which methods the user has (S24): the app, and how many security keys. */
  methods: { app: boolean; securityKeys: number };
  lastSignInAt: Date | null;
  lockedUntil: Date | null;
};

const factsSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  lastSignInAt: true,
  codeLockedUntil: true,
  office: { select: { name: true } },
  totpEnrolment: { select: { createdAt: true } },
  ...TWO_FACTOR_SELECT,
  _count: { select: { webAuthnCredentials: true } },
} as const;

type FactsRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  lastSignInAt: Date | null;
  codeLockedUntil: Date | null;
  office: { name: string } | null;
  totpCredential: { confirmedAt: Date } | null;
  webAuthnCredentials: { createdAt: Date }[];
  totpEnrolment: { createdAt: Date } | null;
  _count: { webAuthnCredentials: number };
};

async function toFacts(rows: FactsRow[], now: Date): Promise<UserFacts[]> {
  const throttles = await db.loginThrottle.findMany({
    where: { key: { in: rows.map((row) => throttleKey(row.email)) }, lockedUntil: { gt: now } },
    select: { key: true, lockedUntil: true },
  });
  const passwordLocks = new Map(throttles.map((t) => [t.key, t.lockedUntil]));
  return rows.map((row) => {
    const since = twoFactorSince(row);
    const locks = [row.codeLockedUntil, passwordLocks.get(throttleKey(row.email)) ?? null].filter((d): d is Date => !!d && d > now);
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      officeName: row.office?.name ?? null,
      twoFactor: since ? { status: 'on', since } : row.totpEnrolment ? { status: 'pending' } : { status: 'off' },
      methods: { app: !!row.totpCredential, securityKeys: row._count.webAuthnCredentials },
      lastSignInAt: row.lastSignInAt,
      lockedUntil: locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null,
    };
  });
}

export const SEARCH_LIMIT = 50;

/** Users whose e-mail, name or office contains the query (case-insensitive on both databases). */
export async function searchUsers(query: string, now = new Date()): Promise<UserFacts[]> {
  const q = query.trim();
  if (!q) return [];
  const rows = await db.user.findMany({
    where: { OR: [{ email: containsIgnoringCase(q) }, { name: containsIgnoringCase(q) }, { office: { name: containsIgnoringCase(q) } }] },
    orderBy: { email: 'asc' },
    take: SEARCH_LIMIT,
    select: factsSelect,
  });
  return toFacts(rows, now);
}

export async function getUserFacts(userId: string, now = new Date()): Promise<UserFacts | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: factsSelect });
  return row ? (await toFacts([row], now))[0] : null;
}
