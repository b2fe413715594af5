import 'server-only';
import { db } from '@/lib/db';
import { seal } from '@/lib/crypto/secret-box';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { createTotpSecret } from './totp';
import { totpSecretContext } from './secret-context';

export type StartResult = { kind: 'started' } | { kind: 'already-enabled' };

/**
 * Starts (or starts again) enabling 2FA: a fresh secret, sealed, kept apart from any confirmed
 * authenticator until a code from it is entered (S8). Starting again replaces the old one.
 */
export async function startEnrolment(userId: string, meta: RequestMeta): Promise<StartResult> {
  const secret = createTotpSecret();
  const sealed = seal(secret, totpSecretContext(userId));
  return db.$transaction(async (tx): Promise<StartResult> => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { officeId: true, totpCredential: { select: { id: true } } } });
    if (user.totpCredential) return { kind: 'already-enabled' };
    await tx.totpEnrolment.upsert({
      where: { userId },
      create: { userId, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId },
      update: { secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, createdAt: new Date() },
    });
    await recordAuditEvent(tx, {
      type: 'two_factor.enrolment_started',
      outcome: 'SUCCESS',
      factor: 'totp',
      actorUserId: userId,
      subjectUserId: userId,
      officeId: user.officeId,
      meta,
    });
    return { kind: 'started' };
  });
}
