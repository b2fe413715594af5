import 'server-only';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/** A browser's answer is a few hundred bytes; anything far larger is not one (S14). */
const MAX_RESPONSE_LENGTH = 16 * 1024;
const base64url = /^[A-Za-z0-9_-]*={0,2}$/;

function parseObject(text: string): Record<string, unknown> | null {
  if (text.length === 0 || text.length > MAX_RESPONSE_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isB64(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && base64url.test(value);
}

/** The JSON of startAuthentication()'s result, as the form posts it; null when it is not one. */
export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  const value = parseObject(text);
  const response = value?.response as Record<string, unknown> | undefined;
  if (!value || value.type !== 'public-key' || !isB64(value.id) || !isB64(value.rawId) || !response || typeof response !== 'object') return null;
  if (!isB64(response.authenticatorData) || !isB64(response.clientDataJSON) || !isB64(response.signature)) return null;
  return value as unknown as AuthenticationResponseJSON;
}

/** The JSON of startRegistration()'s result, as the form posts it; null when it is not one. */
export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  const value = parseObject(text);
  const response = value?.response as Record<string, unknown> | undefined;
  if (!value || value.type !== 'public-key' || !isB64(value.id) || !isB64(value.rawId) || !response || typeof response !== 'object') return null;
  if (!isB64(response.attestationObject) || !isB64(response.clientDataJSON)) return null;
  return value as unknown as RegistrationResponseJSON;
}
