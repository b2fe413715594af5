import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent, recordAuditEvents } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { lockCodeStepIfLimitReached, reserveCodeAttempt } from '@/lib/two-factor/code-attempts';
import { alertOfficeAdmins } from '@/lib/office-alerts/alert-office-admins';
import { deleteSession, promotePendingSession } from './sessions';
import { markSecondFactorChecked } from './session-checks';
import { CHALLENGE_ATTEMPT_LIMIT } from './limits';
import type { CodeFactor, CodeOwner, FactorCheck } from './code-factors';
import type { RequestMeta } from './request-meta';

/**
 * The three transactions of one attempt at the second step, each a function that answers with
 * a result: reserve the attempt, then either claim the code and sign in, or record the failure.
 */

export type AttemptEnd = { kind: 'locked' } | { kind: 'start-again' };

export type ReservedAttempt = {
  kind: 'reserved';
  sessionId: string;
  /** The challenge's attempts, this one included. */
  codeAttempts: number;
  /** The account's consecutive failures, this attempt included (for the audit record). */
  accountFailures: number;
  user: CodeOwner & { officeId: string | null; sessionVersion: number };
  meta: RequestMeta;
};

/**
 * Reserves the attempt before the code is checked, on the challenge and on the account in one
 * transaction (S4): neither parallel requests nor other instances get past the limits. A
 * challenge that is used up, expired or whose 2FA was reset meanwhile ends here.
 */
export async function reserveAttempt(sessionId: string, codeFactor: CodeFactor, meta: RequestMeta, now: Date): Promise<ReservedAttempt | AttemptEnd> {
  return db.$transaction(async (tx): Promise<ReservedAttempt | AttemptEnd> => {
    const reserved = await tx.session.updateMany({
      where: { id: sessionId, stage: 'PENDING_2FA', expiresAt: { gt: now }, codeAttempts: { lt: CHALLENGE_ATTEMPT_LIMIT } },
      data: { codeAttempts: { increment: 1 } },
    });
    const challenge = await tx.session.findUnique({
      where: { id: sessionId },
      select: {
        codeAttempts: true,
        user: {
          select: {
            id: true,
            officeId: true,
            sessionVersion: true,
            codeFailures: true,
            codeLockedUntil: true,
            totpCredential: { select: { secretCiphertext: true, keyId: true, lastUsedStep: true } },
            _count: { select: { webAuthnCredentials: true } },
          },
        },
      },
    });
    const credential = challenge?.user.totpCredential ?? null;
    const hasTwoFactor = !!credential || (challenge?.user._count.webAuthnCredentials ?? 0) > 0;
    if (reserved.count === 0 || !challenge || !hasTwoFactor) {
      // Used up, expired, or 2FA was reset meanwhile (recovery codes go with it): back to the password.
      if (challenge) await deleteSession(tx, sessionId);
      return { kind: 'start-again' };
    }
    const { user } = challenge;
    const account = await reserveCodeAttempt(tx, user, now);
    if (account.kind === 'locked') {
      await recordAuditEvent(tx, { ...auditOf(user, codeFactor, meta), type: codeFactor.events.failed, outcome: 'DENIED', details: { reason: 'locked' } });
      await deleteSession(tx, sessionId);
      return { kind: 'locked' };
    }
    return {
      kind: 'reserved',
      sessionId,
      codeAttempts: challenge.codeAttempts,
      accountFailures: account.failures,
      user: { id: user.id, officeId: user.officeId, sessionVersion: user.sessionVersion, totpCredential: credential },
      meta,
    };
  });
}

export type SignIn = { kind: 'signed-in'; token: string; cookieExpiresAt: Date } | { kind: 'start-again' } | { kind: 'already-claimed' };

/**
 * An accepted code: claims it (atomically, across instances: S3, S13), ends the run of
 * failures, and makes the challenge the signed-in session under a new token, audited in the
 * same transaction (S11). 'already-claimed' when another request claimed the code first.
 */
export async function claimAndSignIn(
  attempt: ReservedAttempt,
  codeFactor: CodeFactor,
  check: Extract<FactorCheck, { kind: 'accepted' }>,
  now: Date,
): Promise<SignIn> {
  const { user, meta } = attempt;
  return transaction(async (tx, rollBack): Promise<SignIn> => {
    // Nothing is written before the claim: losing it leaves nothing to undo.
    if (!(await check.claim(tx))) return { kind: 'already-claimed' };
    // A success ends the run of consecutive failures (S4).
    await tx.user.updateMany({ where: { id: user.id }, data: { codeFailures: 0, lastSignInAt: now } });
    const session = await promotePendingSession(tx, attempt.sessionId, { userVersion: user.sessionVersion, secondFactor: codeFactor.factor, meta, now });
    // The challenge ended meanwhile (another request used it up, or the user logged out): the claim is undone, the code stays unused.
    if (!session) return rollBack({ kind: 'start-again' });
    // The code step just passed is a fresh second-factor check (S25): privileged actions need no second one yet.
    await markSecondFactorChecked(tx, session.sessionId, now);
    const facts = check.afterClaim ? await check.afterClaim(tx) : {};
    const audit = auditOf(user, codeFactor, meta);
    await recordAuditEvents(tx, [
      { ...audit, type: codeFactor.events.succeeded, outcome: 'SUCCESS', details: { ...check.details, ...facts } },
      { ...audit, type: 'login.completed', outcome: 'SUCCESS' },
    ]);
    return { kind: 'signed-in', token: session.token, cookieExpiresAt: session.cookieExpiresAt };
  });
}

export type Failure = { kind: 'wrong' | 'replayed'; attemptsLeft: number } | AttemptEnd;

/**
 * A wrong or replayed code: the reserved attempts stay counted; at the account's limit the
 * step locks, at the challenge's the password step starts over. A replay is told to the user (S12).
 */
export async function recordFailure(
  attempt: ReservedAttempt,
  codeFactor: CodeFactor,
  failure: 'wrong' | 'replayed',
  now: Date,
  details: Record<string, unknown> = {},
): Promise<Failure> {
  return transaction(async (tx): Promise<Failure> => {
    const lockedUntil = await lockCodeStepIfLimitReached(tx, attempt.user.id, now);
    return writeFailure(tx, attempt, codeFactor, failure, lockedUntil, now, details);
  });
}

/**
 * What a failure writes once the account's count is settled (`lockedUntil`: the lock this
 * failure set, or null), in the caller's transaction: the audit events, the replay's message,
 * the admins' alert, and the end of a used-up or locked challenge.
 */
export async function writeFailure(
  tx: TxClient,
  attempt: Pick<ReservedAttempt, 'sessionId' | 'codeAttempts' | 'accountFailures' | 'meta'> & { user: { id: string; officeId: string | null } },
  codeFactor: CodeFactor,
  failure: 'wrong' | 'replayed',
  lockedUntil: Date | null,
  now: Date,
  details: Record<string, unknown> = {},
): Promise<Failure> {
  const { user, meta, codeAttempts } = attempt;
  const audit = auditOf(user, codeFactor, meta);
  const challengeUsedUp = codeAttempts >= CHALLENGE_ATTEMPT_LIMIT;
  await recordAuditEvent(tx, {
    ...audit,
    type: failure === 'replayed' ? codeFactor.events.replayed : codeFactor.events.failed,
    outcome: 'FAILURE',
    details: { ...details, challengeAttempt: codeAttempts, accountFailures: attempt.accountFailures },
  });
  // Someone who has the password is re-entering a used code: the user should know (S12).
  if (failure === 'replayed') await enqueueNotification(tx, { userId: user.id, kind: codeFactor.replayNotification, meta, now });
  if (lockedUntil) {
    await recordAuditEvent(tx, { ...audit, type: 'login.code_locked', outcome: 'DENIED', details: { lockedUntil: lockedUntil.toISOString() } });
    // Whoever typed the codes knew the password: the office's admins should know (S23).
    await alertOfficeAdmins(tx, { memberId: user.id, alert: { kind: 'code_locked', lockedUntil }, now });
  }
  if (challengeUsedUp || lockedUntil) {
    await deleteSession(tx, attempt.sessionId);
    if (challengeUsedUp) await recordAuditEvent(tx, { ...audit, type: 'login.challenge_exhausted', outcome: 'DENIED' });
  }
  if (lockedUntil) return { kind: 'locked' };
  if (challengeUsedUp) return { kind: 'start-again' };
  return { kind: failure, attemptsLeft: CHALLENGE_ATTEMPT_LIMIT - codeAttempts };
}

export function auditOf(user: { id: string; officeId: string | null }, codeFactor: CodeFactor, meta: RequestMeta) {
  return { subjectUserId: user.id, officeId: user.officeId, factor: codeFactor.factor, meta };
}
