import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { endOtherSessions } from '@/lib/auth/sessions';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { enqueueSignedOutEverywhereEmail } from '@/lib/sessions/signed-out-everywhere-email';
import { parseUnlockRequest, type UnlockRequest } from './helpdesk-request';
import { runHelpdeskChange, type HelpdeskResult } from './helpdesk-change';

/**
 * The helpdesk's "Sign out everywhere" for a user (a stolen laptop, a session left open on a
 * shared PC): with a ticket and a reason (the unlock rules of helpdesk-request.ts), within the
 * agent's hourly limit, never on the agent's own account. Raising the user's sessionVersion
 * ends every session and every remembered browser, on every instance, including one being made
 * while this runs (S9). 2FA, recovery codes and the password stay as they are. Audited with the
 * agent; the user is told by e-mail (S11, S12). Always "done": even with no session open, the
 * version ends any remembered browser.
 */
export async function signOutEverywhere(input: UnlockRequest, meta: RequestMeta, now = new Date()): Promise<HelpdeskResult> {
  const parsed = parseUnlockRequest(input);
  if (parsed.kind !== 'valid') return parsed;
  const { request } = parsed;
  return runHelpdeskChange(request, now, async (tx, user) => {
    const sessionsEnded = await tx.session.count({ where: { userId: user.id, stage: 'ACTIVE', expiresAt: { gt: now } } });
    await endOtherSessions(tx, user.id, null);
    await recordAuditEvent(tx, {
      type: 'helpdesk.signed_out_everywhere',
      outcome: 'SUCCESS',
      actorUserId: request.agentId,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { ticket: request.ticket, reason: request.reason, sessionsEnded },
    });
    await enqueueSignedOutEverywhereEmail(tx, user.id, now);
    return { kind: 'done' };
  });
}
