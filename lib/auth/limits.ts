/**
 * The limits of signing in, each named once with where it comes from. Code enforces them and
 * messages quote them from here, so a changed limit never leaves a message saying the old one.
 * Pure constants (no server-only): messages and black-box tests read them too.
 */

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** S5: consecutive wrong passwords for one e-mail address, known or not, before its password step locks (ASVS 4.0.3 2.2.1). */
export const PASSWORD_FAILURE_LIMIT = 10;
/** S5: how long that lock lasts. */
export const PASSWORD_LOCK_MS = 15 * MINUTE_MS;

/** S4: consecutive wrong codes for one account, over any number of logins, before its second step locks (NIST 800-63B 5.2.2: at most 100; RFC 4226 §7.3). */
export const CODE_FAILURE_LIMIT = 10;
/** S4: how long that lock lasts. */
export const CODE_LOCK_MS = 15 * MINUTE_MS;
/** S4: wrong codes one login challenge allows before the password step starts over. */
export const CHALLENGE_ATTEMPT_LIMIT = 5;

/** S6: how long a login challenge (password passed, code not yet) stays open (ASVS 5.0 6.4.3). */
export const PENDING_LIFETIME_MS = 5 * MINUTE_MS;
/** A signed-in session ends after this long unused... */
export const ACTIVE_IDLE_MS = 2 * HOUR_MS;
/** ...and this long after sign-in, however busy. */
export const ACTIVE_ABSOLUTE_MS = 12 * HOUR_MS;
