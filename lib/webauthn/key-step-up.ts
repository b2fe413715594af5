import 'server-only';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { db } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { confirmWithFactor, type StepUpResult } from '@/lib/auth/confirm-with-code';
import { keyPrompt, securityKeyFactor, type KeyOptionsResult } from './key-login';
import { STEP_UP_CHALLENGE_MS } from './config';

/**
 * "Confirm it's you" with a security key (S24, S25), part 1: a prompt for the signed-in
 * session's own keys, its challenge bound to that session and short-lived.
 */
export async function startKeyStepUp(sessionId: string, now = new Date()): Promise<KeyOptionsResult> {
  const session = await db.session.findFirst({
    where: { id: sessionId, stage: 'ACTIVE', expiresAt: { gt: now } },
    select: { user: { select: { webAuthnCredentials: { select: { credentialId: true, transports: true } } } } },
  });
  if (!session) return { kind: 'start-again' };
  return keyPrompt(sessionId, session.user.webAuthnCredentials, new Date(now.getTime() + STEP_UP_CHALLENGE_MS));
}

/**
 * Part 2: the key's answer, checked and claimed as at the login (challenge of this session, the
 * user's own keys, the counter), under the login's limits; a pass marks the session checked.
 */
export async function confirmWithKey(
  { sessionId, response }: { sessionId: string; response: AuthenticationResponseJSON },
  meta: RequestMeta,
  now = new Date(),
): Promise<StepUpResult> {
  return confirmWithFactor(sessionId, securityKeyFactor(sessionId, response, meta), meta, now);
}
