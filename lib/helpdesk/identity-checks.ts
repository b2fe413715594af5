import type { Messages } from '@/lib/i18n/messages';

/**
 * The out-of-band identity checks an agent can record before a reset (S10). The product
 * stores which checks passed, never questions or answers. At least two must pass.
 * Their labels are in the catalogues, helpdesk.identityChecks.<id>; the form reads them there.
 */
export const IDENTITY_CHECK_IDS = [
  'callback_phone_on_file',
  'office_admin_confirmed',
  'office_account_details',
  'email_on_file_confirmed',
] as const satisfies ReadonlyArray<keyof Messages['helpdesk']['identityChecks']>;

export type IdentityCheck = (typeof IDENTITY_CHECK_IDS)[number];

export const MIN_IDENTITY_CHECKS = 2;
