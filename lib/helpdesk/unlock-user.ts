import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { throttleKey } from '@/lib/auth/login-throttle';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { parseUnlockRequest, type UnlockRequest } from './helpdesk-request';
import { runHelpdeskChange, type HelpdeskResult } from './helpdesk-change';

/** Lifts the locks of S4/S5 from a user who is locked out, with a ticket and a reason (the rules of helpdesk-request.ts). */
export async function unlockUser(input: UnlockRequest, meta: RequestMeta, now = new Date()): Promise<HelpdeskResult> {
  const parsed = parseUnlockRequest(input);
  if (parsed.kind !== 'valid') return parsed;
  const { request } = parsed;
  return runHelpdeskChange(request, now, async (tx, user) => {
    const codeLock = await tx.user.updateMany({ where: { id: user.id, codeLockedUntil: { gt: now } }, data: { codeFailures: 0, codeLockedUntil: null } });
    const passwordLock = await tx.loginThrottle.deleteMany({ where: { key: throttleKey(user.email), lockedUntil: { gt: now } } });
    if (codeLock.count + passwordLock.count === 0) return { kind: 'nothing-to-do' };
    await recordAuditEvent(tx, {
      type: 'helpdesk.user_unlocked',
      outcome: 'SUCCESS',
      actorUserId: request.agentId,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { ticket: request.ticket, reason: request.reason },
    });
    return { kind: 'done' };
  });
}
