import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent, recordAuditEvents } from '@/lib/audit/record-audit-event';
import { open } from '@/lib/crypto/secret-box';
import { checkTotpCode } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';
import { claimTotpStep, lockCodeStepIfLimitReached, reserveCodeAttempt } from '@/lib/two-factor/code-attempts';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { deleteSession, startSession } from './sessions';
import type { RequestMeta } from './request-meta';

/** Wrong codes one login challenge allows before the password step starts over (S4). */
export const CHALLENGE_ATTEMPT_LIMIT = 5;

export type CodeStepResult =
  | { kind: 'signed-in'; token: string; cookieExpiresAt: Date }
  | { kind: 'wrong' | 'replayed'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'start-again' };

class StepAlreadyUsed extends Error {}

/**
 * The second step of a login: a code for the pending challenge `sessionId` (S2–S4, S6).
 * Each attempt is reserved in the database before the code is checked, on the challenge and
 * on the account, so neither parallel requests nor other instances get past the limits.
 * On success the challenge is replaced by a new session with a new token.
 */
export async function verifyLoginCode(
  { sessionId, code }: { sessionId: string; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeStepResult> {
  const reserved = await db.session.updateMany({
    where: { id: sessionId, stage: 'PENDING_2FA', expiresAt: { gt: now }, codeAttempts: { lt: CHALLENGE_ATTEMPT_LIMIT } },
    data: { codeAttempts: { increment: 1 } },
  });
  const challenge = await db.session.findUnique({
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
    // Used up, expired, or the authenticator was reset meanwhile: back to the password.
    if (challenge) await db.$transaction((tx) => deleteSession(tx, sessionId));
    return { kind: 'start-again' };
  }
  const { user } = challenge;
  const audit = { subjectUserId: user.id, officeId: user.officeId, factor: 'totp' as const, meta };

  const attempt = await reserveCodeAttempt(user, now);
  if (attempt.kind === 'locked') {
    await db.$transaction(async (tx) => {
      await recordAuditEvent(tx, { ...audit, type: 'login.code_failed', outcome: 'DENIED', details: { reason: 'locked' } });
      await deleteSession(tx, sessionId);
    });
    return { kind: 'locked' };
  }

  const secret = open({ ciphertext: credential.secretCiphertext, keyId: credential.keyId }, totpSecretContext(user.id));
  let check = await checkTotpCode({ secret, code, lastUsedStep: credential.lastUsedStep, nowMs: now.getTime() });

  if (check.kind === 'accepted') {
    const step = check.step;
    try {
      return await db.$transaction(async (tx) => {
        // The conditional write is the replay guard: of two requests with one code, one claims the step (S3).
        if (!(await claimTotpStep(tx, user.id, step))) throw new StepAlreadyUsed();
        // A success ends the run of consecutive failures (S4).
        await tx.user.updateMany({ where: { id: user.id }, data: { codeFailures: 0, lastSignInAt: now } });
        await deleteSession(tx, sessionId);
        await recordAuditEvents(tx, [
          { ...audit, type: 'login.code_succeeded', outcome: 'SUCCESS', details: { step } },
          { ...audit, type: 'login.completed', outcome: 'SUCCESS' },
        ]);
        const session = await startSession(tx, { userId: user.id, userVersion: user.sessionVersion, stage: 'ACTIVE', meta, now });
        return { kind: 'signed-in' as const, token: session.token, cookieExpiresAt: session.cookieExpiresAt };
      });
    } catch (error) {
      if (!(error instanceof StepAlreadyUsed)) throw error;
      check = { kind: 'replayed', step };
    }
  }

  const challengeUsedUp = challenge.codeAttempts >= CHALLENGE_ATTEMPT_LIMIT;
  const lockedUntil = await db.$transaction(async (tx) => {
    const lockedUntil = await lockCodeStepIfLimitReached(tx, user.id, now);
    await recordAuditEvent(tx, {
      ...audit,
      type: check.kind === 'replayed' ? 'login.code_replayed' : 'login.code_failed',
      outcome: 'FAILURE',
      details: { challengeAttempt: challenge.codeAttempts, accountFailures: attempt.failures },
    });
    // Someone who has the password is re-entering an old code: the user should know (S12).
    if (check.kind === 'replayed') await enqueueNotification(tx, { userId: user.id, kind: 'code_replayed', meta, now });
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
  return { kind: check.kind === 'replayed' ? 'replayed' : 'wrong', attemptsLeft: CHALLENGE_ATTEMPT_LIMIT - challenge.codeAttempts };
}
