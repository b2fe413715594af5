import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent, recordAuditEvents } from '@/lib/audit/record-audit-event';
import type { AuditEventType } from '@/lib/audit/events';
import { open } from '@/lib/crypto/secret-box';
import { checkTotpCode } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { claimTotpStep, lockCodeStepIfLimitReached, reserveCodeAttempt } from '@/lib/two-factor/code-attempts';
import { claimRecoveryCode, countUnusedRecoveryCodes, recoveryCodeState } from '@/lib/two-factor/recovery-codes';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import type { NotificationKind } from '@/lib/notifications/templates';
import { deleteSession, promotePendingSession, type SecondFactor } from './sessions';
import type { RequestMeta } from './request-meta';
import { CHALLENGE_ATTEMPT_LIMIT } from './limits';

export type CodeStepResult =
  | { kind: 'signed-in'; token: string; cookieExpiresAt: Date }
  | { kind: 'wrong' | 'replayed'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'start-again' };

type ChallengeUser = { id: string; totpCredential: { secretCiphertext: string; keyId: string; lastUsedStep: number } };

type FactorCheck =
  | {
      kind: 'accepted';
      /** In the sign-in transaction: claims the code, true for exactly one caller (S3, S13). */
      claim: (tx: TxClient) => Promise<boolean>;
      details?: Record<string, unknown>;
      /** In the sign-in transaction, after the claim: what else to record; returns facts for the audit event. */
      afterClaim?: (tx: TxClient) => Promise<Record<string, unknown>>;
    }
  /** A genuine code that was already used. */
  | { kind: 'replayed' }
  | { kind: 'wrong' };

/** One kind of code the second step accepts: how it is checked and claimed, and how it is audited. */
type CodeFactor = {
  factor: SecondFactor;
  events: { succeeded: AuditEventType; failed: AuditEventType; replayed: AuditEventType };
  replayNotification: NotificationKind;
  /** Reads only: the claim that makes an accepted code count is written in the sign-in transaction. */
  check: (user: ChallengeUser, now: Date) => Promise<FactorCheck>;
};

class CodeAlreadyClaimed extends Error {}
class ChallengeGone extends Error {}

/** The second step of a login with a code from the authenticator app (S2–S4, S6). */
export function verifyLoginCode(
  { sessionId, code }: { sessionId: string; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeStepResult> {
  return verifySecondFactor(sessionId, totpFactor(code), meta, now);
}

/**
 * The second step of a login with a recovery code instead (S13), under the same limits as the
 * app's codes (S4): its attempts count on the challenge and on the account alike.
 */
export function verifyLoginRecoveryCode(
  { sessionId, code }: { sessionId: string; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeStepResult> {
  return verifySecondFactor(sessionId, recoveryCodeFactor(code, meta), meta, now);
}

function totpFactor(code: string): CodeFactor {
  return {
    factor: 'totp',
    events: { succeeded: 'login.code_succeeded', failed: 'login.code_failed', replayed: 'login.code_replayed' },
    replayNotification: 'code_replayed',
    async check(user, now) {
      const credential = user.totpCredential;
      const secret = open({ ciphertext: credential.secretCiphertext, keyId: credential.keyId }, totpSecretContext(user.id));
      const check = await checkTotpCode({ secret, code, lastUsedStep: credential.lastUsedStep, nowMs: now.getTime() });
      if (check.kind !== 'accepted') return { kind: check.kind };
      // The conditional write is the replay guard: of two requests with one code, one claims the step (S3).
      return { kind: 'accepted', details: { step: check.step }, claim: (tx) => claimTotpStep(tx, user.id, check.step) };
    },
  };
}

function recoveryCodeFactor(code: string, meta: RequestMeta): CodeFactor {
  return {
    factor: 'recovery_code',
    events: { succeeded: 'login.recovery_code_used', failed: 'login.recovery_code_failed', replayed: 'login.recovery_code_replayed' },
    replayNotification: 'recovery_code_replayed',
    async check(user, now) {
      const state = await recoveryCodeState(user.id, code);
      if (state !== 'unused') return { kind: state === 'used' ? 'replayed' : 'wrong' };
      return {
        kind: 'accepted',
        // usedAt null → now: of two requests with one code, exactly one marks it (S13).
        claim: (tx) => claimRecoveryCode(tx, user.id, code, now),
        async afterClaim(tx) {
          const codesLeft = await countUnusedRecoveryCodes(user.id, tx);
          // A recovery code in use may mean a lost phone, or a stolen list: the user should know (S12).
          await enqueueNotification(tx, { userId: user.id, kind: 'recovery_code_used', meta, now, codesLeft });
          return { codesLeft };
        },
      };
    },
  };
}

/**
 * A code of either kind for the pending challenge `sessionId`. The attempt is reserved in the
 * database before the code is checked, on the challenge and on the account in one transaction,
 * so neither parallel requests nor other instances get past the limits. On success the
 * challenge becomes the signed-in session, under a new token.
 */
async function verifySecondFactor(sessionId: string, codeFactor: CodeFactor, meta: RequestMeta, now: Date): Promise<CodeStepResult> {
  const { events } = codeFactor;
  const reservation = await db.$transaction(async (tx) => {
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
          },
        },
      },
    });
    const credential = challenge?.user.totpCredential;
    if (reserved.count === 0 || !challenge || !credential) {
      // Used up, expired, or 2FA was reset meanwhile (recovery codes go with it): back to the password.
      if (challenge) await deleteSession(tx, sessionId);
      return null;
    }
    const { user } = challenge;
    const audit = { subjectUserId: user.id, officeId: user.officeId, factor: codeFactor.factor, meta };
    const attempt = await reserveCodeAttempt(tx, user, now);
    if (attempt.kind === 'locked') {
      await recordAuditEvent(tx, { ...audit, type: events.failed, outcome: 'DENIED', details: { reason: 'locked' } });
      await deleteSession(tx, sessionId);
    }
    return { codeAttempts: challenge.codeAttempts, user, credential, audit, attempt };
  });
  if (!reservation) return { kind: 'start-again' };
  const { codeAttempts, user, credential, audit, attempt } = reservation;
  if (attempt.kind === 'locked') return { kind: 'locked' };

  const check = await codeFactor.check({ id: user.id, totpCredential: credential }, now);
  let failure: 'wrong' | 'replayed';
  if (check.kind !== 'accepted') {
    failure = check.kind;
  } else {
    try {
      return await transaction(async (tx) => {
        if (!(await check.claim(tx))) throw new CodeAlreadyClaimed();
        // A success ends the run of consecutive failures (S4).
        await tx.user.updateMany({ where: { id: user.id }, data: { codeFailures: 0, lastSignInAt: now } });
        const session = await promotePendingSession(tx, sessionId, { userVersion: user.sessionVersion, secondFactor: codeFactor.factor, meta, now });
        // The challenge ended meanwhile (another request used it up, or the user logged out): the code stays unused.
        if (!session) throw new ChallengeGone();
        const facts = check.afterClaim ? await check.afterClaim(tx) : {};
        await recordAuditEvents(tx, [
          { ...audit, type: events.succeeded, outcome: 'SUCCESS', details: { ...check.details, ...facts } },
          { ...audit, type: 'login.completed', outcome: 'SUCCESS' },
        ]);
        return { kind: 'signed-in' as const, token: session.token, cookieExpiresAt: session.cookieExpiresAt };
      });
    } catch (error) {
      if (error instanceof ChallengeGone) return { kind: 'start-again' };
      if (!(error instanceof CodeAlreadyClaimed)) throw error;
      failure = 'replayed';
    }
  }

  const challengeUsedUp = codeAttempts >= CHALLENGE_ATTEMPT_LIMIT;
  const lockedUntil = await transaction(async (tx) => {
    const lockedUntil = await lockCodeStepIfLimitReached(tx, user.id, now);
    await recordAuditEvent(tx, {
      ...audit,
      type: failure === 'replayed' ? events.replayed : events.failed,
      outcome: 'FAILURE',
      details: { challengeAttempt: codeAttempts, accountFailures: attempt.failures },
    });
    // Someone who has the password is re-entering a used code: the user should know (S12).
    if (failure === 'replayed') await enqueueNotification(tx, { userId: user.id, kind: codeFactor.replayNotification, meta, now });
    if (lockedUntil) {
      await recordAuditEvent(tx, { ...audit, type: 'login.code_locked', outcome: 'DENIED', details: { lockedUntil: lockedUntil.toISOString() } });
    }
    if (challengeUsedUp || lockedUntil) {
      await deleteSession(tx, sessionId);
      if (challengeUsedUp) await recordAuditEvent(tx, { ...audit, type: 'login.challenge_exhausted', outcome: 'DENIED' });
    }
    return lockedUntil;
  });
  if (lockedUntil) return { kind: 'locked' };
  if (challengeUsedUp) return { kind: 'start-again' };
  return { kind: failure, attemptsLeft: CHALLENGE_ATTEMPT_LIMIT - codeAttempts };
}
