import 'server-only';
import { db, type TxClient } from '@/lib/db';

export type WebAuthnPurpose = 'registration' | 'authentication';

/**
 * Keeps the challenge the library just generated (32 random bytes, base64url; WebAuthn asks for
 * at least 16) for `sessionId` and `purpose`, replacing the one it had: a session has at most
 * one open prompt per purpose.
 */
export async function storeChallenge(
  { sessionId, purpose, challenge, expiresAt }: { sessionId: string; purpose: WebAuthnPurpose; challenge: string; expiresAt: Date },
  client: TxClient = db,
): Promise<void> {
  await client.webAuthnChallenge.upsert({
    where: { sessionId_purpose: { sessionId, purpose } },
    create: { sessionId, purpose, challenge, expiresAt },
    update: { challenge, expiresAt, createdAt: new Date() },
  });
}

/**
 * Takes the session's open challenge for `purpose`, once: the row is deleted by a conditional
 * write, so of two requests answering one challenge (a replay, or two instances) exactly one
 * gets it, and any answer (right or wrong) uses it up. null when there is none, or it expired.
 */
export async function claimChallenge(sessionId: string, purpose: WebAuthnPurpose, now: Date): Promise<string | null> {
  const row = await db.webAuthnChallenge.findUnique({
    where: { sessionId_purpose: { sessionId, purpose } },
    select: { id: true, challenge: true, expiresAt: true },
  });
  if (!row) return null;
  const { count } = await db.webAuthnChallenge.deleteMany({ where: { id: row.id, challenge: row.challenge } });
  if (count !== 1 || row.expiresAt <= now) return null;
  return row.challenge;
}
