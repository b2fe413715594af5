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
  'office.user_moved',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** The factor an event is about: the password, a second factor, or none (a login without 2FA). */
export type AuditFactor = 'password' | SecondFactor | 'none';
