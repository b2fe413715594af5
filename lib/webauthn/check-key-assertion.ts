import 'server-only';
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { db, type TxClient } from '@/lib/db';
import { claimChallenge } from './challenges';
import { relyingParty } from './config';

export type KeyAssertionCheck =
  | {
      kind: 'accepted';
      key: { id: string; name: string; lastUsedAt: Date | null; createdAt: Date };
      newCounter: number;
      /** In the caller's transaction: records the use, true for exactly one caller (the counter moves from what was read). */
      claim: (tx: TxClient) => Promise<boolean>;
    }
  /** A valid signature whose counter did not move forward: a copy of the key may be in use (S24). */
  | { kind: 'counter-regressed'; key: { id: string; name: string }; storedCounter: number; newCounter: number }
  | { kind: 'wrong'; reason: 'no-challenge' | 'unknown-key' | 'invalid' };

/**
 * Checks a security key's answer (an assertion) to the open `authentication` challenge of the
 * session `sessionId`, for `userId` (S24). Used for the login's second step and for any later
 * check of the same user ("confirm it's you"): the challenge is taken first, once, so an
 * answer is checked against nothing else and a replayed answer finds no challenge. Only this
 * user's keys count (another user's key is 'unknown-key'); the origin and RP ID are the
 * configured ones; user verification is preferred, not required (docs/decisions/0016-security-keys.md).
 * Writes nothing but the challenge's deletion: the use is recorded by `claim`.
 */
export async function checkKeyAssertion(
  { userId, sessionId, response }: { userId: string; sessionId: string; response: AuthenticationResponseJSON },
  now: Date,
): Promise<KeyAssertionCheck> {
  const challenge = await claimChallenge(sessionId, 'authentication', now);
  if (!challenge) return { kind: 'wrong', reason: 'no-challenge' };
  const key = await db.webAuthnCredential.findFirst({
    where: { userId, credentialId: isoBase64URL.toBuffer(response.rawId) },
    select: { id: true, name: true, credentialId: true, publicKey: true, counter: true, transports: true, createdAt: true, lastUsedAt: true },
  });
  if (!key) return { kind: 'wrong', reason: 'unknown-key' };

  const rp = relyingParty();
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // The counter is judged below, after the signature, so a backwards counter on a genuine signature is told apart (a clone) from a forgery.
      credential: { id: isoBase64URL.fromBuffer(key.credentialId), publicKey: key.publicKey, counter: 0 },
      requireUserVerification: false,
    });
  } catch {
    return { kind: 'wrong', reason: 'invalid' };
  }
  if (!verified.verified) return { kind: 'wrong', reason: 'invalid' };

  const storedCounter = Number(key.counter);
  const newCounter = verified.authenticationInfo.newCounter;
  // Keys that keep no counter (many passkeys) send 0 every time; otherwise it must go up (WebAuthn §6.1.1).
  if ((newCounter > 0 || storedCounter > 0) && newCounter <= storedCounter) {
    return { kind: 'counter-regressed', key: { id: key.id, name: key.name }, storedCounter, newCounter };
  }
  return {
    kind: 'accepted',
    key: { id: key.id, name: key.name, lastUsedAt: key.lastUsedAt, createdAt: key.createdAt },
    newCounter,
    async claim(tx) {
      const { count } = await tx.webAuthnCredential.updateMany({
        where: { id: key.id, counter: key.counter },
        data: { counter: BigInt(newCounter), lastUsedAt: now, backedUp: verified.authenticationInfo.credentialBackedUp },
      });
      return count === 1;
    },
  };
}
