import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { endOtherSessions } from './sessions';
import type { RequestMeta } from './request-meta';

/**
 * "Sign out everywhere else": every other session of the user ends, pending logins included
 * (S9), and this one stays. Audited in the same transaction (S11). Returns how many sessions
 * that were still open it ended.
 */
export async function signOutOtherSessions(
  { userId, sessionId }: { userId: string; sessionId: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<{ ended: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { officeId: true } });
    const ended = await tx.session.count({ where: { userId, id: { not: sessionId }, expiresAt: { gt: now } } });
    await endOtherSessions(tx, userId, sessionId);
    await recordAuditEvent(tx, {
      type: 'logout.other_sessions',
      outcome: 'SUCCESS',
      actorUserId: userId,
      subjectUserId: userId,
      officeId: user.officeId,
      meta,
      details: { sessionsEnded: ended },
    });
    return { ended };
  });
}

/** Sessions of the user other than this one that are still open, for the security page. */
export async function countOtherSessions(userId: string, sessionId: string, now = new Date()): Promise<number> {
  return db.session.count({ where: { userId, id: { not: sessionId }, stage: 'ACTIVE', expiresAt: { gt: now } } });
}
