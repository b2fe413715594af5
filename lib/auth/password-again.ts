import 'server-only';
import { db } from '@/lib/db';
import type { AuditEventType } from '@/lib/audit/events';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { checkPassword } from './check-password';
import type { RequestMeta } from './request-meta';

/**
 * The account's password asked again before a change that needs it (Disable 2FA, new recovery
 * codes, removing a security key, turning 2FA on in an older session): S5's check under the
 * sign-in's guess limit. A refusal is audited as `failed.type` with its reason (S11); what a
 * success leads to is the caller's, in the transaction of its change.
 */
export async function checkPasswordAgain(
  user: { id: string; email: string; passwordHash: string; officeId: string | null },
  password: string,
  meta: RequestMeta,
  failed: { type: AuditEventType; details?: Record<string, unknown> },
): Promise<'correct' | 'incorrect' | 'locked'> {
  const check = await checkPassword(user.email, password, user.passwordHash);
  if (check.kind === 'correct') return 'correct';
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      type: failed.type,
      outcome: check.kind === 'locked' ? 'DENIED' : 'FAILURE',
      factor: 'password',
      actorUserId: user.id,
      subjectUserId: user.id,
      officeId: user.officeId,
      meta,
      details: { ...failed.details, reason: check.kind },
    }),
  );
  return check.kind;
}
