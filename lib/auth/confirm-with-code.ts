import 'server-only';
import { codeFactor, type CodeFactor } from './code-factors';
import { passStepUp, recordStepUpFailure, reserveStepUpAttempt, type StepUpFailure } from './step-up-attempt';
import type { RequestMeta } from './request-meta';

export type StepUpResult = { kind: 'confirmed' } | StepUpFailure;

/**
 * "Confirm it's you" with a code from the authenticator app or a recovery code (S25): the
 * login's own checks and claims (lib/auth/code-factors.ts), so a code used here cannot sign in
 * anywhere afterwards and a code used to sign in is refused here (S3, S13), under the login's
 * limits (S4).
 */
export async function confirmWithCode(
  { sessionId, factor, code }: { sessionId: string; factor: 'totp' | 'recovery_code'; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<StepUpResult> {
  return confirmWithFactor(sessionId, codeFactor(factor, code, meta), meta, now);
}

/** One "Confirm it's you" attempt with any factor the login knows (a code, a recovery code, a security key): reserve, check, then claim or record the failure. */
export async function confirmWithFactor(sessionId: string, kind: CodeFactor, meta: RequestMeta, now: Date): Promise<StepUpResult> {
  const attempt = await reserveStepUpAttempt(sessionId, kind.factor, meta, now);
  if (attempt.kind !== 'reserved') return attempt;

  const check = await kind.check(attempt.user, now);
  if (check.kind === 'accepted') {
    const passed = await passStepUp(attempt, kind.factor, check, now);
    if (passed.kind !== 'already-claimed') return passed;
  }
  // A code claimed by another request in between is a replay too.
  return recordStepUpFailure(attempt, kind.factor, check.kind === 'accepted' ? 'replayed' : check.kind, now, check.kind === 'accepted' ? {} : check.details);
}
