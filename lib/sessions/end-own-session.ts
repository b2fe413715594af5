import 'server-only';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { browserSummary } from './describe-user-agent';

export type EndOwnSessionResult = { kind: 'ended' } | { kind: 'not-found' } | { kind: 'this-browser' };

/** A session id as we make them (SHA-256, hex): anything else is no session and never reaches the database. */
const SESSION_ID = /^[0-9a-f]{64}$/;

/**
 * "Sign out" on one of the user's other sessions: that session ends, on every instance at its
 * next request (sessions live in the database, S9). The delete is scoped by the user AND the
 * session id, so a forged id of another user's session matches no row and changes nothing.
 * This browser's own session is not ended here (that is Log out). Audited with the ended
 * session's browser, in the same transaction (S11).
 */
export async function endOwnSession(
  { userId, currentSessionId, sessionId }: { userId: string; currentSessionId: string; sessionId: string },
  meta: RequestMeta,
): Promise<EndOwnSessionResult> {
  if (!SESSION_ID.test(sessionId)) return { kind: 'not-found' };
  if (sessionId === currentSessionId) return { kind: 'this-browser' };
  return transaction(async (tx): Promise<EndOwnSessionResult> => {
    const session = await tx.session.findFirst({
      where: { id: sessionId, userId, stage: 'ACTIVE' },
      select: { userAgent: true, ip: true, user: { select: { officeId: true } } },
    });
    if (!session) return { kind: 'not-found' };
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId } });
    // Another request ended it between the read and the delete: nothing happened here to record.
    if (count === 0) return { kind: 'not-found' };
    await recordAuditEvent(tx, {
      type: 'logout.session_ended',
      outcome: 'SUCCESS',
      actorUserId: userId,
      subjectUserId: userId,
      officeId: session.user.officeId,
      meta,
      details: { browser: browserSummary(session.userAgent), sessionIp: session.ip },
    });
    return { kind: 'ended' };
  });
}
