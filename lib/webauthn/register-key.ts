import 'server-only';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { endOtherSessions } from '@/lib/auth/sessions';
import { markSecondFactorChecked } from '@/lib/auth/session-checks';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { replaceRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { claimChallenge, storeChallenge } from './challenges';
import { MAX_KEYS_PER_USER, REGISTRATION_CHALLENGE_MS, relyingParty } from './config';
import { transportsOf } from './key-login';

export type StartRegistrationResult = { kind: 'options'; options: PublicKeyCredentialCreationOptionsJSON } | { kind: 'too-many' };

/**
 * The browser's prompt to create a key for the signed-in user (S24): a fresh challenge bound to
 * this session for REGISTRATION_CHALLENGE_MS; the user's keys are excluded (one authenticator
 * is not registered twice); a passkey and user verification are preferred, not required
 * (docs/decisions/0016-security-keys.md); no attestation is asked for.
 */
export async function startKeyRegistration(
  { userId, sessionId, email, name }: { userId: string; sessionId: string; email: string; name: string },
  now = new Date(),
): Promise<StartRegistrationResult> {
  const keys = await db.webAuthnCredential.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (keys.length >= MAX_KEYS_PER_USER) return { kind: 'too-many' };
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: email,
    userDisplayName: name,
    // The user handle is the account's id: the same on every key, and no personal data.
    userID: isoUint8Array.fromUTF8String(userId),
    attestationType: 'none',
    excludeCredentials: keys.map((key) => ({ id: isoBase64URL.fromBuffer(key.credentialId), transports: transportsOf(key.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await storeChallenge({ sessionId, purpose: 'registration', challenge: options.challenge, expiresAt: new Date(now.getTime() + REGISTRATION_CHALLENGE_MS) });
  return { kind: 'options', options };
}

export type FinishRegistrationResult =
  | { kind: 'added'; keyId: string; recoveryCodes: string[] | null }
  | { kind: 'refused' }
  | { kind: 'no-challenge' }
  | { kind: 'already-registered' }
  | { kind: 'too-many' };

/**
 * Keeps the new key after checking the browser's answer against this session's registration
 * challenge (taken once), the configured origin and RP ID (S24). When it is the user's first
 * method, 2FA turns on as with the app: recovery codes are made and returned this once (S13),
 * other sessions end (S9). Audited and told to the user in the same transaction (S11, S12).
 */
export async function finishKeyRegistration(
  { userId, sessionId, name, response }: { userId: string; sessionId: string; name: string; response: RegistrationResponseJSON },
  meta: RequestMeta,
  now = new Date(),
): Promise<FinishRegistrationResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { officeId: true } });
  const audit = { factor: 'security_key' as const, actorUserId: userId, subjectUserId: userId, officeId: user.officeId, meta };
  const refuse = async (reason: string) => {
    await db.$transaction((tx) => recordAuditEvent(tx, { ...audit, type: 'security_key.add_failed', outcome: 'FAILURE', details: { reason } }));
  };

  const challenge = await claimChallenge(sessionId, 'registration', now);
  if (!challenge) {
    await refuse('no-challenge');
    return { kind: 'no-challenge' };
  }
  const rp = relyingParty();
  let info;
  try {
    const verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    info = verified.verified ? verified.registrationInfo : null;
  } catch {
    info = null;
  }
  if (!info) {
    await refuse('invalid');
    return { kind: 'refused' };
  }
  const { credential } = info;
  const credentialId = isoBase64URL.toBuffer(credential.id);

  const result = await transaction(async (tx): Promise<FinishRegistrationResult> => {
    const existing = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpCredential: { select: { id: true } }, _count: { select: { webAuthnCredentials: true } } },
    });
    if (existing._count.webAuthnCredentials >= MAX_KEYS_PER_USER) return { kind: 'too-many' };
    if (await tx.webAuthnCredential.findUnique({ where: { credentialId }, select: { id: true } })) return { kind: 'already-registered' };
    const firstMethod = !existing.totpCredential && existing._count.webAuthnCredentials === 0;
    const key = await tx.webAuthnCredential.create({
      data: {
        userId,
        credentialId,
        publicKey: credential.publicKey,
        counter: BigInt(credential.counter),
        transports: (credential.transports ?? []).join(','),
        name,
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        createdAt: now,
      },
      select: { id: true },
    });
    let recoveryCodes: string[] | null = null;
    if (firstMethod) {
      // 2FA turns on with this key: the same consequences as confirming the app (confirm-enrolment.ts).
      await tx.user.update({ where: { id: userId }, data: { codeFailures: 0, codeLockedUntil: null, twoFactorDueBy: null } });
      recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
      await endOtherSessions(tx, userId, sessionId);
      // The key just answered its first prompt in this session: a fresh second-factor check (S25), as the app's first code is.
      await markSecondFactorChecked(tx, sessionId, now);
    }
    await recordAuditEvent(tx, {
      ...audit,
      type: 'security_key.added',
      outcome: 'SUCCESS',
      details: {
        keyId: key.id,
        keyName: name,
        deviceType: info.credentialDeviceType,
        userVerified: info.userVerified,
        firstMethod,
        recoveryCodes: recoveryCodes?.length ?? 0,
      },
    });
    await enqueueNotification(tx, { userId, kind: 'security_key_added', meta, now, keyName: name });
    return { kind: 'added', keyId: key.id, recoveryCodes };
  });
  if (result.kind === 'already-registered' || result.kind === 'too-many') await refuse(result.kind);
  return result;
}
