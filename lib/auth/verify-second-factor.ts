import 'server-only';
import { codeFactor, type CodeFactor } from './code-factors';
import { runAttemptInOneTransaction } from './one-transaction-attempt';
import { claimAndSignIn, recordFailure, reserveAttempt } from './second-factor-attempt';
import type { SecondFactor } from './sessions';
import type { RequestMeta } from './request-meta';

export type CodeStepResult =
  | { kind: 'signed-in'; token: string; cookieExpiresAt: Date }
  | { kind: 'wrong' | 'replayed'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'start-again' };

/**
 * The second step of a login (S2–S4, S6, S13): a code from the authenticator app, or a
 * recovery code, for the pending challenge `sessionId`. Both kinds count against the same
 * limits, on the challenge and on the account. The attempt is reserved in the database before
 * the code is checked; on success the challenge becomes the signed-in session, under a new token.
 */
export async function verifySecondFactor(
  { sessionId, factor, code }: { sessionId: string; factor: SecondFactor; code: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeStepResult> {
  return runSecondFactorAttempt(sessionId, codeFactor(factor, code, meta), meta, now);
}

/** One attempt at the second step with any kind of factor (a code, a recovery code, a security key): reserve, check, then claim or record the failure. */
export async function runSecondFactorAttempt(sessionId: string, kind: CodeFactor, meta: RequestMeta, now: Date): Promise<CodeStepResult> {
  // The app's code is checked in microseconds without the database: the whole attempt fits in one transaction (issue 17).
  if (kind.factor === 'totp') return runAttemptInOneTransaction(sessionId, kind, meta, now);
  // A recovery code's or a key's check reads the database: reserved, checked and written in turn, the check outside any transaction.
  const attempt = await reserveAttempt(sessionId, kind, meta, now);
  if (attempt.kind !== 'reserved') return attempt;

  const check = await kind.check(attempt.user, now);
  if (check.kind === 'accepted') {
    const signIn = await claimAndSignIn(attempt, kind, check, now);
    if (signIn.kind !== 'already-claimed') return signIn;
  }
  // A code claimed by another request in between is a replay too.
  return recordFailure(attempt, kind, check.kind === 'accepted' ? 'replayed' : check.kind, now, check.kind === 'accepted' ? {} : check.details);
}
