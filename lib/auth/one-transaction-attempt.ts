import 'server-only';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent, recordAuditEvents } from '@/lib/audit/record-audit-event';
import { reserveCodeStep, resetCodeFailures, writeCodeFailures } from './code-step-sql';
import { auditOf, writeFailure, type AttemptEnd, type SignIn, type Failure } from './second-factor-attempt';
import { deleteSession, promotePendingSession } from './sessions';
import { markSecondFactorChecked } from './session-checks';
import { CODE_FAILURE_LIMIT, CODE_LOCK_MS } from './limits';
import type { CodeFactor } from './code-factors';
import type { RequestMeta } from './request-meta';

type OneTransactionResult = Exclude<SignIn, { kind: 'already-claimed' }> | Failure | AttemptEnd;

/**
 * One attempt at the second step in ONE transaction (issue 17), for a factor whose check reads
 * nothing from the database and takes microseconds (the authenticator app's code): the check
 * runs between the reservation and the writes, while the challenge and the user's row are held.
 *
 * The guarantees of the three-transaction path (second-factor-attempt.ts), kept:
 * - The attempt is reserved before the check (S4): the first statement takes the challenge's
 *   attempt with a conditional UPDATE and locks the user's row (PostgreSQL: FOR UPDATE; SQLite:
 *   the database's write lock, held from that UPDATE to the commit). A parallel attempt on the
 *   same challenge or account, on any instance, waits and then sees this one counted. Nothing of
 *   the check's outcome leaves the process before the commit: a crash in between undoes the
 *   attempt and tells the attacker nothing.
 * - The code is claimed by a conditional write (S3, S13): of two requests with one code, one
 *   signs in; the other records a replay.
 * - The audit events commit with the change they record (S11).
 * A success is 6 statements: the reservation, the claim, the promotion, the end of the run of
 * failures, the session's second-factor check (S25) and the audit events.
 */
export async function runAttemptInOneTransaction(sessionId: string, kind: CodeFactor, meta: RequestMeta, now: Date): Promise<OneTransactionResult> {
  return transaction(async (tx, rollBack): Promise<OneTransactionResult> => {
    const reserved = await reserveCodeStep(tx, sessionId, now);
    if (!reserved || (!reserved.totpCredential && reserved.keyCount === 0)) {
      // Used up, expired, or 2FA was reset meanwhile (recovery codes go with it): back to the password.
      await deleteSession(tx, sessionId);
      return { kind: 'start-again' };
    }
    const user = { id: reserved.userId, officeId: reserved.officeId };
    const audit = auditOf(user, kind, meta);
    // A lock that has run out ends the run of failures it closed (S4).
    const lockLifted = reserved.codeLockedUntil !== null && reserved.codeLockedUntil <= now;
    const failuresBefore = lockLifted ? 0 : reserved.codeFailures;
    if ((reserved.codeLockedUntil !== null && !lockLifted) || failuresBefore >= CODE_FAILURE_LIMIT) {
      await recordAuditEvent(tx, { ...audit, type: kind.events.failed, outcome: 'DENIED', details: { reason: 'locked' } });
      await deleteSession(tx, sessionId);
      return { kind: 'locked' };
    }
    const attempt = { sessionId, codeAttempts: reserved.codeAttempts, accountFailures: failuresBefore + 1, meta, user };

    const check = await kind.check({ id: reserved.userId, totpCredential: reserved.totpCredential }, now);
    if (check.kind === 'accepted' && (await check.claim(tx))) {
      const session = await promotePendingSession(tx, sessionId, { userVersion: reserved.sessionVersion, secondFactor: kind.factor, meta, now });
      // Cannot happen while the challenge's row is held; undone rather than half-written if it does.
      if (!session) return rollBack({ kind: 'start-again' });
      await resetCodeFailures(tx, reserved.userId, now);
      // The code step just passed is a fresh second-factor check (S25).
      await markSecondFactorChecked(tx, session.sessionId, now);
      const facts = check.afterClaim ? await check.afterClaim(tx) : {};
      await recordAuditEvents(tx, [
        { ...audit, type: kind.events.succeeded, outcome: 'SUCCESS', details: { ...check.details, ...facts } },
        { ...audit, type: 'login.completed', outcome: 'SUCCESS' },
      ]);
      return { kind: 'signed-in', token: session.token, cookieExpiresAt: session.cookieExpiresAt };
    }
    // A code claimed by another request first is a replay too.
    const failure = check.kind === 'accepted' ? 'replayed' : check.kind;
    const lockedUntil = attempt.accountFailures >= CODE_FAILURE_LIMIT ? new Date(now.getTime() + CODE_LOCK_MS) : null;
    await writeCodeFailures(tx, reserved.userId, attempt.accountFailures, lockedUntil);
    return writeFailure(tx, attempt, kind, failure, lockedUntil, now, check.kind === 'accepted' ? {} : check.details);
  });
}
