import type { SecondFactor } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/locale';
import { translatorFor, type Translator } from '@/lib/i18n/server';

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
  'logout.session_ended',
  'two_factor.enrolment_started',
  'two_factor.enabled',
  'two_factor.enable_failed',
  'two_factor.disabled',
  'two_factor.disable_failed',
  'two_factor.recovery_codes_generated',
  'two_factor.recovery_codes_generate_failed',
  'helpdesk.two_factor_reset',
  'helpdesk.user_unlocked',
  'helpdesk.signed_out_everywhere',
  'office.two_factor_required',
  'office.two_factor_grace_changed',
  'office.two_factor_requirement_lifted',
  'remembered_browser.created',
  'remembered_browser.forgotten',
  'office.remember_browser_changed',
  'office.admin_alerts_changed',
  'office.reminders_sent',
  'two_factor.reminder_sent',
  'password.reset_requested',
  'password.reset_refused',
  'password.reset_completed',
  'password.changed',
  'password.change_failed',
  'step_up.passed',
  'step_up.failed',
  'step_up.password_passed',
  'step_up.password_failed',
  'login.security_key_succeeded',
  'login.security_key_failed',
  'login.security_key_counter_regressed',
  'security_key.added',
  'security_key.add_failed',
  'security_key.renamed',
  'security_key.removed',
  'security_key.remove_failed',
  'security_key.used_after_idle',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/**
 * A type's label name in the catalogue: audit.events.<type with "." as "_"> (login.code_failed →
 * audit.events.login_code_failed). Flat, because "logout" is both a type and the start of
 * "logout.other_sessions". The names are unique: tests/unit/audit-event-labels.test.ts.
 */
type LabelName<T extends string> = T extends `${infer Head}.${infer Tail}` ? `${Head}_${LabelName<Tail>}` : T;
export type AuditEventLabelName = LabelName<AuditEventType>;

export function isAuditEventType(type: string): type is AuditEventType {
  return (AUDIT_EVENT_TYPES as readonly string[]).includes(type);
}

export function eventLabelName(type: AuditEventType): AuditEventLabelName {
  return type.replaceAll('.', '_') as AuditEventLabelName;
}

// Translators hold no request state: one per language serves every request.
const labelTranslators = new Map<Locale, Translator<'audit.events'>>();

/**
 * How a stored type reads in the audit log, the CSV and on Security activity, in `locale`; a type
 * this version no longer writes is shown as stored. A type without a label in the catalogue does
 * not compile: the translator's key is typed by messages/en.json, and nl and fr are typed as en.
 * English when no locale is given, for callers not converted yet: pass the reader's.
 */
export function eventLabel(type: string, locale: Locale): string {
  if (!isAuditEventType(type)) return type;
  let t = labelTranslators.get(locale);
  if (!t) {
    t = translatorFor(locale, 'audit.events');
    labelTranslators.set(locale, t);
  }
  return t(eventLabelName(type));
}

/** The factor an event is about: the password, a second factor, or none (a login without 2FA). */
export type AuditFactor = 'password' | SecondFactor | 'none';
