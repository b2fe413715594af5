import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { lockCodeStepIfLimitReached, reserveCodeAttempt } from '@/lib/two-factor/code-attempts';
import { deleteSession, type SecondFactor } from './sessions';
import { markSecondFactorChecked } from './session-checks';
import { CHALLENGE_ATTEMPT_LIMIT } from './limits';
import type { CodeOwner, FactorCheck } from './code-factors';
import type { RequestMeta } from './request-meta';

/**
 * The three transactions of one "Confirm it's you" attempt (S25), whatever the method: reserve
 * the attempt, then either claim what was presented and mark the session checked, or record the
 * failure. The limits are the login's (S4): the attempt is reserved before the check, on the
 * account's counter the code step shares (a wrong code here brings the login's lock nearer, and
 * the reverse) and on the session, which, like a login challenge, ends after
 * CHALLENGE_ATTEMPT_LIMIT wrong answers.
 */

export type StepUpEnd = { kind: 'locked' } | { kind: 'signed-out' } | { kind: 'no-two-factor' };

export type ReservedStepUp = {
  kind: 'reserved';
  sessionId: string;
  /** This session's wrong answers since its last check, this attempt included. */
  sessionAttempts: number;
  accountFailures: number;
  user: CodeOwner & { officeId: string | null };
  meta: RequestMeta;
};

export async function reserveStepUpAttempt(sessionId: string, factor: SecondFactor, meta: RequestMeta, now: Date): Promise<ReservedStepUp | StepUpEnd> {
  return db.$transaction(async (tx): Promise<ReservedStepUp | StepUpEnd> => {
    const session = await tx.session.findUnique({
      where: { id: sessionId },
      select: {
        stage: true,
        expiresAt: true,
        user: {
          select: {
            id: true,
            officeId: true,
            codeFailures: true,
            codeLockedUntil: true,
            totpCredential: { select: { secretCiphertext: true, keyId: true, lastUsedStep: true } },
            _count: { select: { webAuthnCredentials: true } },
          },
        },
      },
    });
    if (!session || session.stage !== 'ACTIVE' || session.expiresAt <= now) return { kind: 'signed-out' };
    const { user } = session;
    const credential = user.totpCredential;
    // 2FA is the app or a security key (S24): a user with keys only confirms with a key.
    if (!credential && user._count.webAuthnCredentials === 0) return { kind: 'no-two-factor' };
    const audit = auditOf(user, factor, meta);
    const reserved = await tx.session.updateMany({
      where: { id: sessionId, stage: 'ACTIVE', codeAttempts: { lt: CHALLENGE_ATTEMPT_LIMIT } },
      data: { codeAttempts: { increment: 1 } },
    });
    if (reserved.count === 0) {
      // As a used-up login challenge: the session ends and the user signs in again.
      await recordAuditEvent(tx, { ...audit, type: 'step_up.failed', outcome: 'DENIED', details: { reason: 'session_attempts_used_up' } });
      await deleteSession(tx, sessionId);
      return { kind: 'signed-out' };
    }
    const account = await reserveCodeAttempt(tx, user, now);
    if (account.kind === 'locked') {
      await recordAuditEvent(tx, { ...audit, type: 'step_up.failed', outcome: 'DENIED', details: { reason: 'locked' } });
      return { kind: 'locked' };
    }
    const { codeAttempts } = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { codeAttempts: true } });
    return {
      kind: 'reserved',
      sessionId,
      sessionAttempts: codeAttempts,
      accountFailures: account.failures,
      user: { id: user.id, officeId: user.officeId, totpCredential: credential },
      meta,
    };
  });
}

/** What an accepted answer claims, as the login's code factors describe it (lib/auth/code-factors.ts). */
export type Claim = Omit<Extract<FactorCheck, { kind: 'accepted' }>, 'kind'>;

/**
 * An accepted answer: claimed in the same transaction that marks the session checked and ends
 * the run of failures, audited with it (S11). 'already-claimed' when another request (a login
 * elsewhere, a second tab) claimed it first: a replay.
 */
export async function passStepUp(
  attempt: ReservedStepUp,
  factor: SecondFactor,
  accepted: Claim,
  now: Date,
): Promise<{ kind: 'confirmed' } | { kind: 'already-claimed' } | { kind: 'signed-out' }> {
  const { user, meta, sessionId } = attempt;
  return transaction(async (tx, rollBack) => {
    if (!(await accepted.claim(tx))) return { kind: 'already-claimed' as const };
    await tx.user.updateMany({ where: { id: user.id }, data: { codeFailures: 0 } });
    const { count } = await tx.session.updateMany({ where: { id: sessionId, stage: 'ACTIVE' }, data: { codeAttempts: 0 } });
    // Signed out meanwhile: the claim is undone, the code stays unused.
    if (count !== 1) return rollBack({ kind: 'signed-out' as const });
    await markSecondFactorChecked(tx, sessionId, now);
    const facts = accepted.afterClaim ? await accepted.afterClaim(tx) : {};
    await recordAuditEvent(tx, { ...auditOf(user, factor, meta), type: 'step_up.passed', outcome: 'SUCCESS', details: { ...accepted.details, ...facts } });
    return { kind: 'confirmed' as const };
  });
}

export type StepUpFailure = { kind: 'wrong' | 'replayed'; attemptsLeft: number } | StepUpEnd;

/** A wrong or replayed answer: the reserved attempts stay counted; at the account's limit the code step locks for the login too. */
export async function recordStepUpFailure(
  attempt: ReservedStepUp,
  factor: SecondFactor,
  failure: 'wrong' | 'replayed',
  now: Date,
  details: Record<string, unknown> = {},
): Promise<StepUpFailure> {
  const { user, meta, sessionAttempts } = attempt;
  const audit = auditOf(user, factor, meta);
  const sessionUsedUp = sessionAttempts >= CHALLENGE_ATTEMPT_LIMIT;
  return transaction(async (tx): Promise<StepUpFailure> => {
    const lockedUntil = await lockCodeStepIfLimitReached(tx, user.id, now);
    await recordAuditEvent(tx, {
      ...audit,
      type: 'step_up.failed',
      outcome: 'FAILURE',
      details: { ...details, reason: failure, sessionAttempt: sessionAttempts, accountFailures: attempt.accountFailures },
    });
    if (lockedUntil)
      await recordAuditEvent(tx, { ...audit, type: 'login.code_locked', outcome: 'DENIED', details: { lockedUntil: lockedUntil.toISOString() } });
    if (sessionUsedUp) {
      await deleteSession(tx, attempt.sessionId);
      return { kind: 'signed-out' };
    }
    if (lockedUntil) return { kind: 'locked' };
    return { kind: failure, attemptsLeft: CHALLENGE_ATTEMPT_LIMIT - sessionAttempts };
  });
}

function auditOf(user: { id: string; officeId: string | null }, factor: SecondFactor, meta: RequestMeta) {
  return { actorUserId: user.id, subjectUserId: user.id, officeId: user.officeId, factor, meta };
}
