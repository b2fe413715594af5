import 'server-only';
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { db } from '@/lib/db';
import type { CodeFactor } from '@/lib/auth/code-factors';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { runSecondFactorAttempt, type CodeStepResult } from '@/lib/auth/verify-second-factor';
import { storeChallenge } from './challenges';
import { checkKeyAssertion } from './check-key-assertion';
import { KEY_IDLE_NOTICE_MS, relyingParty } from './config';

export type KeyOptionsResult = { kind: 'options'; options: PublicKeyCredentialRequestOptionsJSON } | { kind: 'no-keys' } | { kind: 'start-again' };

/**
 * The browser's prompt for the login challenge `sessionId` (S24): a fresh random challenge,
 * bound to that pending login in the database and expiring with it; only the user's own keys
 * are offered (allowCredentials); user verification preferred.
 */
export async function startKeyLogin(sessionId: string, now = new Date()): Promise<KeyOptionsResult> {
  const pending = await db.session.findFirst({
    where: { id: sessionId, stage: 'PENDING_2FA', expiresAt: { gt: now } },
    select: { expiresAt: true, user: { select: { webAuthnCredentials: { select: { credentialId: true, transports: true } } } } },
  });
  if (!pending) return { kind: 'start-again' };
  return keyPrompt(sessionId, pending.user.webAuthnCredentials, pending.expiresAt);
}

/**
 * The browser's prompt for one of `keys`: a fresh random challenge, kept for `sessionId` until
 * `expiresAt` (replacing any earlier one), user verification preferred. For the login and for
 * "Confirm it's you" (S25).
 */
export async function keyPrompt(
  sessionId: string,
  keys: Array<{ credentialId: Uint8Array<ArrayBuffer>; transports: string }>,
  expiresAt: Date,
): Promise<KeyOptionsResult> {
  if (keys.length === 0) return { kind: 'no-keys' };
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    allowCredentials: keys.map((key) => ({ id: isoBase64URL.fromBuffer(key.credentialId), transports: transportsOf(key.transports) })),
    userVerification: 'preferred',
  });
  await storeChallenge({ sessionId, purpose: 'authentication', challenge: options.challenge, expiresAt });
  return { kind: 'options', options };
}

/**
 * The login's second step with a security key (S24), under the same limits as codes (S4): the
 * attempt is reserved before the check; success makes the pending login the signed-in session.
 */
export async function verifyKeyLogin(
  { sessionId, response }: { sessionId: string; response: AuthenticationResponseJSON },
  meta: RequestMeta,
  now = new Date(),
): Promise<CodeStepResult> {
  return runSecondFactorAttempt(sessionId, securityKeyFactor(sessionId, response, meta), meta, now);
}

/** A security key's answer as a second factor: checked against `sessionId`'s challenge, claimed by its counter. */
export function securityKeyFactor(sessionId: string, response: AuthenticationResponseJSON, meta: RequestMeta): CodeFactor {
  return {
    factor: 'security_key',
    // A genuine signature with a counter that did not move forward is reported as a "replay": the key may have been copied.
    events: { succeeded: 'login.security_key_succeeded', failed: 'login.security_key_failed', replayed: 'login.security_key_counter_regressed' },
    replayNotification: 'security_key_counter_regressed',
    async check(user, now) {
      const check = await checkKeyAssertion({ userId: user.id, sessionId, response }, now);
      if (check.kind === 'wrong') return { kind: 'wrong', details: { reason: check.reason } };
      if (check.kind === 'counter-regressed') {
        return { kind: 'replayed', details: { keyId: check.key.id, keyName: check.key.name, storedCounter: check.storedCounter, counter: check.newCounter } };
      }
      const { key } = check;
      return {
        kind: 'accepted',
        details: { keyId: key.id, keyName: key.name, counter: check.newCounter },
        claim: check.claim,
        async afterClaim(tx) {
          const lastUsed = key.lastUsedAt ?? key.createdAt;
          if (now.getTime() - lastUsed.getTime() < KEY_IDLE_NOTICE_MS) return {};
          // A key that slept for months and wakes up may be in someone else's hands: the user should know (S12).
          await recordAuditEvent(tx, {
            type: 'security_key.used_after_idle',
            outcome: 'SUCCESS',
            factor: 'security_key',
            subjectUserId: user.id,
            meta,
            details: { keyId: key.id, keyName: key.name, lastUsedAt: lastUsed.toISOString() },
          });
          await enqueueNotification(tx, { userId: user.id, kind: 'security_key_used_after_idle', meta, now, keyName: key.name });
          return { idleSince: lastUsed.toISOString() };
        },
      };
    },
  };
}

export function transportsOf(stored: string): string[] | undefined {
  const list = stored.split(',').filter(Boolean);
  return list.length > 0 ? list : undefined;
}
