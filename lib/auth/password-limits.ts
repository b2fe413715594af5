/**
 * The password rules and the limits of "Forgot your password?", each named once with where it
 * comes from (as lib/auth/limits.ts does for signing in). Pure constants: messages, forms and
 * black-box tests read them too.
 */

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** S17: NIST SP 800-63B §3.1.1.2: at least 15 for a single factor, at least 8 with a second; we ask 12 of everyone, since 2FA is not yet required of all. */
export const PASSWORD_MIN_LENGTH = 12;
/**
 * S17: NIST asks to allow at least 64. The login already accepts 1024, so a passphrase of any
 * sensible length works. bcrypt reads only the first 72 bytes (UTF-8) of what it is given: a
 * longer passphrase is accepted and checked as a whole for strength, but only its first 72
 * bytes are compared at login. 72 bytes is 18 to 72 characters depending on the script, so the
 * strength that counts is what the first 72 bytes carry.
 */
export const PASSWORD_MAX_LENGTH = 1024;
/** S17: zxcvbn's score (0 to 4) a new password needs: 3 is "safely unguessable: moderate protection from offline slow-hash scenario" (≥ 10^8 guesses). */
export const PASSWORD_MIN_SCORE = 3;
/**
 * S17: how much of a new password zxcvbn reads, in characters. Its work grows with the length
 * (measured: a 1,024-character password held the event loop 3.2 to 4.7 s, 256 characters 1.2 s),
 * so a link holder could stall an instance with long passwords. 64 characters of anything but
 * a pattern are far past score 3; the length and name rules still read the whole password.
 */
export const PASSWORD_STRENGTH_CHECKED_LENGTH = 64;
/**
 * S17: at most this many ways of reading l33t ("p@55" as "pass") zxcvbn tries, each one a full
 * dictionary pass (its default is 100). 15 common l33t passwords got the same score and guesses
 * at 8 as at 100; a 64-character one of many symbols took 97 ms at 8, 905 ms at 100.
 */
export const PASSWORD_STRENGTH_L33T_READINGS = 8;
/** S17: name pieces shorter than this are too common inside other words to refuse. */
export const NAME_PIECE_MIN_LENGTH = 3;

/** S16: how long a reset link works (OWASP Forgot Password Cheat Sheet: short-lived). */
export const RESET_TOKEN_LIFETIME_MS = 60 * MINUTE_MS;
/** S16: the window the request budgets count in. */
export const RESET_WINDOW_MS = HOUR_MS;
/** S16: reset requests one e-mail address may make per window (known or not). */
export const RESET_REQUESTS_PER_ADDRESS = 3;
/** S16: reset requests all addresses together may make per window: the mail a stranger can make the portal send. */
export const RESET_REQUESTS_GLOBAL = 500;
/**
 * S16: the least time a reset request takes to answer. The work for a known and an unknown
 * address is nearly the same; this floor hides what is left (a few ms of writes and rendering
 * the mail), as OWASP's Forgot Password Cheat Sheet asks ("consistent response time").
 */
export const RESET_REQUEST_MIN_MS = 250;
/** S16: bytes of randomness in a reset token (256 bits, OWASP: cryptographically random, long enough). */
export const RESET_TOKEN_BYTES = 32;
