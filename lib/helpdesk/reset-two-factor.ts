import 'server-only';
import type { TxClient } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { endOtherSessions } from '@/lib/auth/sessions';
import { throttleKey } from '@/lib/auth/login-throttle';
import type { RequestMeta } from '@/lib/auth/request-meta';
import type { IdentityCheck } from './identity-checks';
import { AGENT_ACTIONS_PER_HOUR, agentActionsLastHour } from './agent-rate-limit';

export type HelpdeskRequest = { agentId: string; userId: string; checks: IdentityCheck[]; ticket: string; reason: string };

export type HelpdeskResult = { kind: 'done' } | { kind: 'own-account' } | { kind: 'no-such-user' } | { kind: 'rate-limited' } | { kind: 'nothing-to-do' };

class Refused extends Error {
  constructor(readonly result: HelpdeskResult) {
    super(result.kind);
  }
}

/**
 * The helpdesk's 2FA reset, after the agent confirmed the caller's identity out of band
 * (S10): the authenticator, any unfinished enrolment and recovery codes go; every session of
 * the user ends (S9); the second-step lock is cleared; the user is told (S12); and one audit
 * event names the agent, the user, the checks, the ticket and the reason (S11). One transaction.
 */
export async function resetTwoFactor(request: HelpdeskRequest, meta: RequestMeta, now = new Date()): Promise<HelpdeskResult> {
  return runHelpdeskChange(request, now, async (tx, user) => {
    const removed = await tx.totpCredential.deleteMany({ where: { userId: user.id } });
    const enrolments = await tx.totpEnrolment.deleteMany({ where: { userId: user.id } });
    if (removed.count + enrolments.count === 0) throw new Refused({ kind: 'nothing-to-do' });
    const recoveryCodes = await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    // Under the office's requirement the user enrols again at next sign-in: no new grace period.
    await tx.user.update({ where: { id: user.id }, data: { codeFailures: 0, codeLockedUntil: null, twoFactorDueBy: user.officeRequiresTwoFactor ? now : null } });
    await endOtherSessions(tx, user.id, null);
    await recordAuditEvent(tx, {
      type: 'helpdesk.two_factor_reset',
      outcome: 'SUCCESS',
      factor: 'totp',
      actorUserId: request.agentId,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { checks: request.checks, ticket: request.ticket, reason: request.reason, hadConfirmedAuthenticator: removed.count > 0, recoveryCodesRemoved: recoveryCodes.count },
    });
    await enqueueNotification(tx, { userId: user.id, kind: 'two_factor_reset', meta, now });
  });
}

/** Lifts the locks of S4/S5 from a user who is locked out, with a reason. */
export async function unlockUser(request: Omit<HelpdeskRequest, 'checks'>, meta: RequestMeta, now = new Date()): Promise<HelpdeskResult> {
  return runHelpdeskChange({ ...request, checks: [] }, now, async (tx, user) => {
    const codeLock = await tx.user.updateMany({ where: { id: user.id, codeLockedUntil: { gt: now } }, data: { codeFailures: 0, codeLockedUntil: null } });
    const passwordLock = await tx.loginThrottle.deleteMany({ where: { key: throttleKey(user.email), lockedUntil: { gt: now } } });
    if (codeLock.count + passwordLock.count === 0) throw new Refused({ kind: 'nothing-to-do' });
    await recordAuditEvent(tx, {
      type: 'helpdesk.user_unlocked',
      outcome: 'SUCCESS',
      actorUserId: request.agentId,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { ticket: request.ticket, reason: request.reason },
    });
  });
}

async function runHelpdeskChange(
  request: HelpdeskRequest,
  now: Date,
  change: (tx: TxClient, user: { id: string; email: string; officeId: string | null; officeRequiresTwoFactor: boolean }) => Promise<void>,
): Promise<HelpdeskResult> {
  if (request.agentId === request.userId) return { kind: 'own-account' };
  try {
    await transaction(async (tx) => {
      if ((await agentActionsLastHour(tx, request.agentId, now)) >= AGENT_ACTIONS_PER_HOUR) throw new Refused({ kind: 'rate-limited' });
      const user = await tx.user.findUnique({
        where: { id: request.userId },
        select: { id: true, email: true, officeId: true, office: { select: { twoFactorRequired: true } } },
      });
      if (!user) throw new Refused({ kind: 'no-such-user' });
      await change(tx, { id: user.id, email: user.email, officeId: user.officeId, officeRequiresTwoFactor: !!user.office?.twoFactorRequired });
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  return { kind: 'done' };
}
