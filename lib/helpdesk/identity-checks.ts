/**
 * The out-of-band identity checks an agent can record before a reset (S10). The product
 * stores which checks passed, never questions or answers. At least two must pass.
 */
export const IDENTITY_CHECKS = {
  callback_phone_on_file: 'Called the user back on the phone number on file (not a number the caller gave)',
  office_admin_confirmed: "The office's administrator confirmed the request",
  office_account_details: "The caller gave details of the office's account that only the office would know",
  email_on_file_confirmed: 'The user confirmed the request from the e-mail address on file',
} as const;

export type IdentityCheck = keyof typeof IDENTITY_CHECKS;

export const IDENTITY_CHECK_IDS = Object.keys(IDENTITY_CHECKS) as [IdentityCheck, ...IdentityCheck[]];

export const MIN_IDENTITY_CHECKS = 2;
