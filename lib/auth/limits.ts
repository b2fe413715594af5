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

/** S18: the longest a remembered browser skips the code step (offices may shorten it or turn it off). */
export const REMEMBER_BROWSER_MAX_DAYS = 30;
/** S19: how long a browser's device cookie lives (OWASP Authentication cheat sheet, device cookies). */
export const DEVICE_COOKIE_MAX_AGE_MS = 365 * 24 * HOUR_MS;
/** S19: wrong passwords a trusted device may enter for its account per window, on its own budget. */
export const DEVICE_FAILURE_LIMIT = 10;
/** S19: that window; the device waits for its end once the budget is spent. */
export const DEVICE_FAILURE_WINDOW_MS = 15 * MINUTE_MS;
/** S19: wrong passwords one client network (IP address) may enter across all addresses per window, against spraying. */
export const NETWORK_FAILURE_LIMIT = 100;
/** S19: that window; the network waits for its end once the budget is spent. */
export const NETWORK_FAILURE_WINDOW_MS = HOUR_MS;
/** A browser this account has not used for this long is new: its sign-in is told to the user by e-mail. */
export const NEW_SIGN_IN_AFTER_MS = 90 * 24 * HOUR_MS;

/**
 * S25: how long a passed second-factor check lets a session take privileged actions (helpdesk,
 * office settings, new recovery codes) before "Confirm it's you" asks again (GitHub's sudo mode:
 * a few hours of use, re-asked; NIST 800-63B 7.2 / 4.2.3 reauthentication; decision 0017).
 * S26: also how old a sign-in may be before turning 2FA on asks for the password again.
 */
export const STEP_UP_WINDOW_MS = 10 * MINUTE_MS;
