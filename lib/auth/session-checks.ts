import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { STEP_UP_WINDOW_MS } from './limits';

/**
 * When a signed-in session last proved its owner again (decision 0017), in the database so
 * every instance agrees. A second-factor check (the login's code step, or "Confirm it's you")
 * opens privileged actions for STEP_UP_WINDOW_MS (S25); a sign-in or the password entered again
 * opens turning 2FA on for as long (S26). A remembered browser skips the code step: it is no check.
 */

export async function markSecondFactorChecked(tx: TxClient, sessionId: string, now: Date): Promise<void> {
  // One statement on both databases (the model API's upsert is a read and a write): the code step's hot path (issue 17).
  // i18n-exempt: SQL, not text for people.
  await tx.$executeRaw`INSERT INTO "SessionCheck" ("sessionId", "secondFactorAt") VALUES (${sessionId}, ${now}) ON CONFLICT ("sessionId") DO UPDATE SET "secondFactorAt" = excluded."secondFactorAt"`;
}

export async function markPasswordChecked(tx: TxClient, sessionId: string, now: Date): Promise<void> {
  await tx.sessionCheck.upsert({ where: { sessionId }, create: { sessionId, passwordAt: now }, update: { passwordAt: now } });
}

function isWithinWindow(at: Date | null | undefined, now: Date): boolean {
  // A time ahead of `now` (clock skew between instances) counts as fresh only up to the window.
  return !!at && Math.abs(now.getTime() - at.getTime()) < STEP_UP_WINDOW_MS;
}

/** S25: the session passed a second-factor check within the window. */
export async function hasFreshSecondFactor(sessionId: string, now = new Date()): Promise<boolean> {
  const row = await db.sessionCheck.findUnique({ where: { sessionId }, select: { secondFactorAt: true } });
  return isWithinWindow(row?.secondFactorAt, now);
}

/**
 * S26: the session signed in, or had its password entered again, within the window. A
 * session's createdAt is its sign-in: a login challenge made signed-in gets the time it passed
 * (promotePendingSession), not the time its password step began.
 */
export async function hasRecentSignIn(sessionId: string, now = new Date()): Promise<boolean> {
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { createdAt: true, checks: { select: { passwordAt: true } } } });
  return !!row && (isWithinWindow(row.createdAt, now) || isWithinWindow(row.checks?.passwordAt, now));
}
