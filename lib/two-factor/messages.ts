/** The words of Manage 2FA, in the product's help-text voice. */
export const ENROLMENT_CODE_NOT_ACCEPTED =
  'That code was not accepted. Check that you scanned this QR code (or entered this 2FA key) in your authentication app, and enter the most recent 6-digit code it shows.';
export const ENROLMENT_GONE = 'This setup is no longer open: it was completed or started again elsewhere. Go back to Manage 2FA to see where things stand.';
export const PASSWORD_INCORRECT = 'The password is incorrect.';
export const ALREADY_DISABLED = 'Two-factor authentication is already disabled for your account.';
export const REQUIRED_BY_OFFICE =
  'Your office requires two-factor authentication for all its users, so you cannot disable it. If you lost your authentication app, contact the helpdesk.';
export const RECOVERY_CODES_NEED_TWO_FACTOR = 'Recovery codes belong to two-factor authentication, which is not enabled for your account.';

export function unusedRecoveryCodesText(count: number): string {
  if (count === 0) return 'You have no unused recovery codes.';
  return `You have ${count} unused recovery ${count === 1 ? 'code' : 'codes'} left.`;
}
