import 'server-only';
import { db } from '@/lib/db';
import { describeUserAgent, type BrowserDescription } from './describe-user-agent';

/** One signed-in session as its owner sees it on the Security page. */
export type OwnSession = BrowserDescription & {
  id: string;
  ip: string | null;
  startedAt: Date;
  lastActiveAt: Date;
  isThisBrowser: boolean;
};

/**
 * The user's own signed-in sessions, this browser's first, then the most recently active.
 * Scoped by userId: no other user's session can appear. Pending logins (password done, code
 * not yet) are not listed: they are not signed in, last 5 minutes, cannot be used for anything
 * but the code step, and their password step is already on Security activity; "Sign out
 * everywhere else" ends them too.
 */
export async function listOwnSessions(userId: string, currentSessionId: string, now = new Date()): Promise<OwnSession[]> {
  const rows = await db.session.findMany({
    where: { userId, stage: 'ACTIVE', expiresAt: { gt: now } },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
  });
  const sessions = rows.map((row) => ({
    id: row.id,
    ...describeUserAgent(row.userAgent),
    ip: row.ip,
    startedAt: row.createdAt,
    lastActiveAt: row.lastSeenAt,
    isThisBrowser: row.id === currentSessionId,
  }));
  return [...sessions.filter((s) => s.isThisBrowser), ...sessions.filter((s) => !s.isThisBrowser)];
}
