import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { endOtherSessions } from '@/lib/auth/sessions';
import { alertOfficeAdmins } from '@/lib/office-alerts/alert-office-admins';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { parseResetRequest, type ResetRequest } from './helpdesk-request';
import { runHelpdeskChange, type HelpdeskResult } from './helpdesk-change';

/**
 * The helpdesk's 2FA reset, after the agent confirmed the caller's identity out of band
 * (S10): the request must meet the rules of helpdesk-request.ts (checks, ticket, reason, the
 * confirmation naming the user) or nothing is read or written. Then the authenticator, any
 * unfinished enrolment and recovery codes go; every session of the user ends (S9); the
 * second-step lock is cleared; the user is told (S12), and so are the other admins of their
 * office (S23); and one audit event names the agent, the user, the checks, the ticket and the
 * reason (S11). One transaction.
 */
export async function resetTwoFactor(input: ResetRequest, meta: RequestMeta, now = new Date()): Promise<HelpdeskResult> {
  const parsed = parseResetRequest(input);
  if (parsed.kind !== 'valid') return parsed;
  const { request } = parsed;
  return runHelpdeskChange(request, now, async (tx, user) => {
    const removed = await tx.totpCredential.deleteMany({ where: { userId: user.id } });
    const enrolments = await tx.totpEnrolment.deleteMany({ where: { userId: user.id } });
    // Security keys go too (S24): a reset leaves the user with no second factor at all.
    const keys = await tx.webAuthnCredential.deleteMany({ where: { userId: user.id } });
    if (removed.count + enrolments.count + keys.count === 0) return { kind: 'nothing-to-do' };
    const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    // Under the office's requirement the user enrols again at next sign-in: no new grace period.
    await tx.user.update({
      where: { id: user.id },
      data: { codeFailures: 0, codeLockedUntil: null, twoFactorDueBy: user.officeRequiresTwoFactor ? now : null },
    });
    await endOtherSessions(tx, user.id, null);
    await recordAuditEvent(tx, {
      type: 'helpdesk.two_factor_reset',
      outcome: 'SUCCESS',
      factor: 'totp',
      actorUserId: request.agentId,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: {
        checks: request.checks,
        ticket: request.ticket,
        reason: request.reason,
        hadConfirmedAuthenticator: removed.count > 0,
        securityKeysRemoved: keys.count,
        recoveryCodesRemoved: recoveryCodes.count,
      },
    });
    await enqueueNotification(tx, { userId: user.id, kind: 'two_factor_reset', meta, now });
    const agent = await tx.user.findUniqueOrThrow({ where: { id: request.agentId }, select: { name: true } });
    await alertOfficeAdmins(tx, { memberId: user.id, alert: { kind: 'two_factor_reset', agentName: agent.name, ticket: request.ticket }, now });
    return { kind: 'done' };
  });
}
