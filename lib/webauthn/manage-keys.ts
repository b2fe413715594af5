import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { checkPasswordAgain } from '@/lib/auth/password-again';
import { endOtherSessions } from '@/lib/auth/sessions';
import type { RequestMeta } from '@/lib/auth/request-meta';

export type SecurityKeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; deviceType: string };

/** The user's keys for Manage 2FA and the helpdesk: names and dates only, never key material. */
export async function listSecurityKeys(userId: string): Promise<SecurityKeySummary[]> {
  return db.webAuthnCredential.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true },
    orderBy: { createdAt: 'asc' },
  });
}

export type RenameResult = { kind: 'renamed' } | { kind: 'not-found' };

/** A new name for one of the user's own keys (the where clause names the owner: another user's key is 'not-found'). */
export async function renameSecurityKey({ userId, keyId, name }: { userId: string; keyId: string; name: string }, meta: RequestMeta): Promise<RenameResult> {
  return transaction(async (tx): Promise<RenameResult> => {
    const key = await tx.webAuthnCredential.findFirst({ where: { id: keyId, userId }, select: { name: true, user: { select: { officeId: true } } } });
    if (!key) return { kind: 'not-found' };
    await tx.webAuthnCredential.updateMany({ where: { id: keyId, userId }, data: { name } });
    await recordAuditEvent(tx, {
      type: 'security_key.renamed',
      outcome: 'SUCCESS',
      factor: 'security_key',
      actorUserId: userId,
      subjectUserId: userId,
      officeId: key.user.officeId,
      meta,
      details: { keyId, from: key.name, to: name },
    });
    return { kind: 'renamed' };
  });
}

export type RemoveResult =
  { kind: 'removed'; twoFactorOff: boolean } | { kind: 'incorrect' } | { kind: 'locked' } | { kind: 'not-found' } | { kind: 'required-by-office' };

/**
 * Removes one of the user's keys with the current password, as Disable 2FA asks it (S5, S8).
 * Removing the last method turns 2FA off under Disable 2FA's rules: not while the office
 * requires it; recovery codes go and other sessions end (S9). Audited and told (S11, S12).
 */
export async function removeSecurityKey(
  { userId, sessionId, keyId, password }: { userId: string; sessionId: string; keyId: string; password: string },
  meta: RequestMeta,
  now = new Date(),
): Promise<RemoveResult> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      passwordHash: true,
      officeId: true,
      office: { select: { twoFactorRequired: true } },
      totpCredential: { select: { id: true } },
      webAuthnCredentials: { select: { id: true, name: true } },
    },
  });
  const key = user.webAuthnCredentials.find((k) => k.id === keyId);
  if (!key) return { kind: 'not-found' };
  const lastMethod = !user.totpCredential && user.webAuthnCredentials.length === 1;
  if (lastMethod && user.office?.twoFactorRequired) return { kind: 'required-by-office' };
  const audit = { factor: 'password' as const, actorUserId: userId, subjectUserId: userId, officeId: user.officeId, meta };

  const verdict = await checkPasswordAgain({ ...user, id: userId }, password, meta, { type: 'security_key.remove_failed', details: { keyId } });
  if (verdict !== 'correct') return { kind: verdict };

  return transaction(async (tx): Promise<RemoveResult> => {
    const { count } = await tx.webAuthnCredential.deleteMany({ where: { id: keyId, userId } });
    if (count !== 1) return { kind: 'not-found' };
    // Re-counted inside the transaction: two removals at once must not both think another method is left.
    const left = (await tx.webAuthnCredential.count({ where: { userId } })) + (await tx.totpCredential.count({ where: { userId } }));
    if (left === 0) {
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await endOtherSessions(tx, userId, sessionId);
    }
    await recordAuditEvent(tx, { ...audit, type: 'security_key.removed', outcome: 'SUCCESS', details: { keyId, keyName: key.name, twoFactorOff: left === 0 } });
    await enqueueNotification(tx, { userId, kind: 'security_key_removed', meta, now, keyName: key.name });
    return { kind: 'removed', twoFactorOff: left === 0 };
  });
}

/** Whether the user has a confirmed authenticator app (2FA may be on with keys alone). */
export async function hasAuthenticatorApp(userId: string): Promise<boolean> {
  return (await db.totpCredential.count({ where: { userId } })) > 0;
}
