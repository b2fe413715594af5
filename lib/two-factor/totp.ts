import { generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP per RFC 6238 (S1): HMAC-SHA-1, 6 digits, 30-second steps, 160-bit secrets from
 * the CSPRNG in Base32 without padding. Pure functions with an injectable clock, so the
 * windows and the replay rule are unit-tested without waiting for time to pass.
 */

export const TOTP_PERIOD_SECONDS = 30;

export function createTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri({ issuer, accountName, secret }: { issuer: string; accountName: string; secret: string }): string {
  // Key Uri Format: label "Issuer:account" and an issuer parameter equal to the label's prefix.
  return generateURI({ issuer, label: accountName, secret });
}

export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

export type CodeCheck =
  | { kind: 'accepted'; step: number }
  /** A genuine code from a step already used: a replay (S3). */
  | { kind: 'replayed'; step: number }
  | { kind: 'wrong' };

/**
 * Checks a well-formed 6-digit code against the current step and one step either side
 * (S2, nothing wider), then applies the replay rule: a step at or below the last accepted
 * one is refused. The caller must still claim the step atomically in the database.
 */
export async function checkTotpCode({
  secret,
  code,
  lastUsedStep,
  nowMs = Date.now(),
}: {
  secret: string;
  code: string;
  lastUsedStep: number;
  nowMs?: number;
}): Promise<CodeCheck> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
  });
  // The functional API types HOTP and TOTP results together; a TOTP match carries its time step.
  if (!result.valid || !('timeStep' in result)) return { kind: 'wrong' };
  return result.timeStep > lastUsedStep ? { kind: 'accepted', step: result.timeStep } : { kind: 'replayed', step: result.timeStep };
}
