/**
 * What Manage 2FA tells the user, as catalogue messages (messages/*.json): the actions turn
 * them into text in the request's language (translate()), pages with their translator.
 */
import { messageKey, type Message } from '@/lib/i18n/messages';

export const ENROLMENT_CODE_NOT_ACCEPTED = messageKey('enable2fa.codeNotAccepted');
export const ENROLMENT_GONE = messageKey('enable2fa.enrolmentGone');
export const PASSWORD_REQUIRED = messageKey('manage2fa.password.required');
export const PASSWORD_TOO_LONG = messageKey('manage2fa.password.tooLong');
export const PASSWORD_INCORRECT = messageKey('manage2fa.password.incorrect');
/** S5: the password lock that sign-in and every password-confirmed change share; its length comes from the limit itself. */
export const ALREADY_DISABLED = messageKey('disable2fa.alreadyDisabled');
export const REQUIRED_BY_OFFICE = messageKey('disable2fa.requiredByOffice');
export const RECOVERY_CODES_NEED_TWO_FACTOR = messageKey('recoveryCodes.needTwoFactor');

/** "You have 3 unused recovery codes left." (none, one, several: an ICU plural in each language). */
export function unusedRecoveryCodes(count: number): Message {
  return { key: 'recoveryCodes.unusedLeft', values: { count } };
}
