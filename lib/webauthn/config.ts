import 'server-only';
import { appUrl, env } from '@/lib/env';

/** Why each limit is what it is: the WebAuthn Level 3 recommendations (w3.org/TR/webauthn-3, §5.4.4, §15.1). */
const MINUTE_MS = 60 * 1000;

/** How long a registration prompt may stay open: WebAuthn recommends 5 minutes for user verification. */
export const REGISTRATION_CHALLENGE_MS = 5 * MINUTE_MS;
/** How long the prompt of "Confirm it's you" may stay open (S25): as a registration's. */
export const STEP_UP_CHALLENGE_MS = REGISTRATION_CHALLENGE_MS;
/** A key unused this long is news when it is used again: the user is told (as a new browser is, NEW_SIGN_IN_AFTER_MS). */
export const KEY_IDLE_NOTICE_MS = 90 * 24 * 60 * MINUTE_MS;
/** Keys per account: plenty for a home, an office and spares; bounds the list and allowCredentials. */
export const MAX_KEYS_PER_USER = 10;
/** A key's name ("Office PC", "YubiKey"): short enough for a list row. */
export const KEY_NAME_MAX_LENGTH = 60;

/**
 * The relying party: its id is APP_URL's host name and the only origin accepted is APP_URL's
 * own (S24). Never the request's Host header: a phishing site relaying the ceremony then gets a
 * signature for its own origin, which the check refuses.
 */
export function relyingParty(): { id: string; name: string; origin: string } {
  const url = new URL(appUrl());
  return { id: url.hostname, name: env().APP_NAME, origin: url.origin };
}
