import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from '@/lib/auth/request-meta';

/**
 * Moves a user to another office. Their grace period under the new office's requirement starts
 * now; a deadline of their own from the old office does not follow them.
 */
export async function moveUserToOffice({ userId, officeId, actorUserId }: { userId: string; officeId: string; actorUserId: string }, meta: RequestMeta, now = new Date()) {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { officeId: true } });
    await tx.user.update({ where: { id: userId }, data: { officeId, officeJoinedAt: now, twoFactorDueBy: null } });
    await recordAuditEvent(tx, { type: 'office.user_moved', outcome: 'SUCCESS', actorUserId, subjectUserId: userId, officeId, meta, details: { fromOfficeId: before.officeId } });
  });
}
