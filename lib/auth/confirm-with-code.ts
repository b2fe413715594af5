import 'server-only';
import { codeFactor } from './code-factors';
import { passStepUp, recordStepUpFailure, reserveStepUpAttempt, type StepUpFailure } from './step-up-attempt';
import type { RequestMeta } from './request-meta';

export type StepUpResult = { kind: 'confirmed' } | StepUpFailure;

/**
 * "Confirm it's you" with a code from the authenticator app or a recovery code (S25): the
 * login's own checks and claims (lib/auth/code-factors.ts), so a code used here cannot sign in
 * anywhere afterwards and a code used to sign in is refused here (S3, S13), under the login's
 * limits (S4). Another method (a security key) is another function over lib/auth/step-up-attempt.ts.
 */
export async function confirmWithCode(
  { sessionId, factor, code }: { sessionId: string; factor: 'totp' | 'recovery_code'; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<StepUpResult> {
  const kind = codeFactor(factor, code, meta);
  const attempt = await reserveStepUpAttempt(sessionId, factor, meta, now);
  if (attempt.kind !== 'reserved') return attempt;

  const check = await kind.check(attempt.user, now);
  if (check.kind === 'accepted') {
    const passed = await passStepUp(attempt, factor, check, now);
    if (passed.kind !== 'already-claimed') return passed;
  }
  // A code claimed by another request in between is a replay too.
  return recordStepUpFailure(attempt, factor, check.kind === 'accepted' ? 'replayed' : check.kind, now);
}
