/**
 * The limit of the e-mails to office admins about their members' 2FA events (S23). A pure
 * constant (no server-only): tests and messages read it too.
 */

/**
 * S23: at most one e-mail to a member's office admins per hour, whatever happened (issue 15, "Word
 * to the admins": "at most one such e-mail per member per hour"). A burst of lockouts, which
 * anyone who knows a member's password can cause, must not flood the admins' mailboxes.
 */
export const MEMBER_ALERT_INTERVAL_MS = 60 * 60 * 1000;
