import type { SecondFactor } from '@/lib/auth/sessions';

/** Every audit event type the portal writes (S11). Names read as "what happened". */
export const AUDIT_EVENT_TYPES = [
  'login.password_succeeded',
  'login.password_failed',
  'login.password_locked',
  'login.code_succeeded',
  'login.code_failed',
  'login.code_replayed',
  'login.code_locked',
  'login.challenge_exhausted',
  'login.recovery_code_used',
  'login.recovery_code_failed',
  'login.recovery_code_replayed',
  'login.completed',
  'logout',
  'logout.other_sessions',
  'two_factor.enrolment_started',
  'two_factor.enabled',
  'two_factor.enable_failed',
  'two_factor.disabled',
  'two_factor.disable_failed',
  'two_factor.recovery_codes_generated',
  'two_factor.recovery_codes_generate_failed',
  'helpdesk.two_factor_reset',
  'helpdesk.user_unlocked',
  'office.two_factor_required',
  'office.two_factor_grace_changed',
  'office.two_factor_requirement_lifted',
  'password.reset_requested',
  'password.reset_refused',
  'password.reset_completed',
  'password.changed',
  'password.change_failed',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** How each type reads in the audit log and on Security activity: a type without a label does not compile. */
const AUDIT_EVENT_LABELS = {
  'login.password_succeeded': 'Password accepted',
  'login.password_failed': 'Wrong password',
  'login.password_locked': 'Password step locked',
  'login.code_succeeded': 'Verification code accepted',
  'login.code_failed': 'Wrong verification code',
  'login.code_replayed': 'Used verification code entered again',
  'login.code_locked': 'Verification locked',
  'login.challenge_exhausted': 'Too many codes: back to password',
  'login.recovery_code_used': 'Recovery code used',
  'login.recovery_code_failed': 'Wrong recovery code',
  'login.recovery_code_replayed': 'Used recovery code entered again',
  'login.completed': 'Signed in',
  logout: 'Logged out',
  'logout.other_sessions': 'Signed out everywhere else',
  'two_factor.enrolment_started': '2FA setup started',
  'two_factor.enabled': '2FA enabled',
  'two_factor.enable_failed': '2FA setup: wrong code',
  'two_factor.disabled': '2FA disabled',
  'two_factor.disable_failed': '2FA disable: wrong password',
  'two_factor.recovery_codes_generated': 'New recovery codes generated',
  'two_factor.recovery_codes_generate_failed': 'New recovery codes: wrong password',
  'helpdesk.two_factor_reset': '2FA reset by the helpdesk',
  'helpdesk.user_unlocked': 'Unlocked by the helpdesk',
  'office.two_factor_required': 'Office requires 2FA',
  'office.two_factor_grace_changed': 'Office 2FA grace period changed',
  'office.two_factor_requirement_lifted': 'Office no longer requires 2FA',
  'password.reset_requested': 'Password reset link requested',
  'password.reset_refused': 'Password reset link refused',
  'password.reset_completed': 'Password reset with an e-mail link',
  'password.changed': 'Password changed',
  'password.change_failed': 'Password change: wrong password',
} as const satisfies Record<AuditEventType, string>;

/** A stored type's label; a type this version no longer writes is shown as stored. */
export function eventLabel(type: string): string {
  return Object.hasOwn(AUDIT_EVENT_LABELS, type) ? AUDIT_EVENT_LABELS[type as AuditEventType] : type;
}

/** The factor an event is about: the password, a second factor, or none (a login without 2FA). */
export type AuditFactor = 'password' | SecondFactor | 'none';
