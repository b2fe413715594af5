import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { checkPasswordAgain } from './password-again';
import { markPasswordChecked } from './session-checks';
import type { RequestMeta } from './request-meta';

export type PasswordAgainResult = { kind: 'confirmed' } | { kind: 'incorrect' } | { kind: 'locked' };

/**
 * S26: the password entered again in a signed-in session, under the sign-in's guess limit (S5).
 * A pass lets this session turn 2FA on for STEP_UP_WINDOW_MS (lib/auth/session-checks.ts).
 */
export async function confirmPasswordAgain(
  { userId, sessionId, password }: { userId: string; sessionId: string; password: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<PasswordAgainResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true, officeId: true } });
  const audit = { factor: 'password' as const, actorUserId: userId, subjectUserId: userId, officeId: user.officeId, meta };
  const verdict = await checkPasswordAgain({ ...user, id: userId }, password, meta, { type: 'step_up.password_failed' });
  if (verdict !== 'correct') return { kind: verdict };
  await db.$transaction(async (tx) => {
    await markPasswordChecked(tx, sessionId, now);
    await recordAuditEvent(tx, { ...audit, type: 'step_up.password_passed', outcome: 'SUCCESS' });
  });
  return { kind: 'confirmed' };
}
