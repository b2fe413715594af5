import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getRequestMeta } from './request-meta';
import { clearSessionCookie, readSessionToken } from './session-cookie';
import { loadSession, deleteSession } from './sessions';
import { sessionIdFromToken } from './session-token';

/**
 * Ends this browser's session, active or pending, and clears its cookie. With `audit`, the
 * logout is recorded (S11) in the same transaction as the deletion.
 */
export async function endCurrentSession({ audit = false } = {}): Promise<void> {
  const token = await readSessionToken();
  if (!token) return;
  const session = audit ? await loadSession(token) : null;
  const meta = await getRequestMeta();
  await db.$transaction(async (tx) => {
    await deleteSession(tx, sessionIdFromToken(token));
    if (session) {
      await recordAuditEvent(tx, {
        type: 'logout',
        outcome: 'SUCCESS',
        actorUserId: session.user.id,
        subjectUserId: session.user.id,
        officeId: session.user.officeId,
        meta,
        details: { stage: session.stage },
      });
    }
  });
  await clearSessionCookie();
}
