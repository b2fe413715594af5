import type { AuditEventType } from './events';

/**
 * What an office admin sees of their office in its audit view: the 2FA events of its members and
 * the office's own 2FA settings, not every sign-in (those stay with the helpdesk). A new event
 * type about a member's second factor or the office's requirement belongs here too.
 */
export const OFFICE_AUDIT_EVENT_TYPES = [
  'two_factor.enabled',
  'two_factor.disabled',
  'two_factor.recovery_codes_generated',
  'login.recovery_code_used',
  'login.code_locked',
  'login.challenge_exhausted',
  'login.password_locked',
  'helpdesk.two_factor_reset',
  'helpdesk.user_unlocked',
  'helpdesk.signed_out_everywhere',
  'office.two_factor_required',
  'office.two_factor_grace_changed',
  'office.two_factor_requirement_lifted',
  'office.remember_browser_changed',
  'office.reminders_sent',
  'two_factor.reminder_sent',
  'security_key.added',
  'security_key.removed',
  'login.security_key_counter_regressed',
] as const satisfies readonly AuditEventType[];
