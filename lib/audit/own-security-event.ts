import type { AuditOutcome } from '@/lib/db/enums';
import type { AuditEventType } from './events';
import type { AuditEventView } from './query-audit-events';
import { browserParts, type BrowserParts } from '@/lib/sessions/describe-user-agent';
import { CODE_LOCK_MS, PASSWORD_LOCK_MS } from '@/lib/auth/limits';
import type { Message } from '@/lib/i18n/messages';

/**
 * What a user sees of their own audit trail on Security activity: events whose subject is
 * themself, of the kinds that tell them something about their account's security. Events
 * the helpdesk made say so, without the agent's name, e-mail address, IP address, browser,
 * ticket or reason. Facts and catalogue messages, no words: the page says them in the
 * reader's language, with times in their time zone.
 */
export const OWN_SECURITY_EVENT_TYPES = [
  'login.completed',
  'login.password_failed',
  'login.password_locked',
  'login.code_failed',
  'login.code_replayed',
  'login.code_locked',
  'login.challenge_exhausted',
  'login.recovery_code_used',
  'login.recovery_code_failed',
  'login.recovery_code_replayed',
  'logout.other_sessions',
  'logout.session_ended',
  'two_factor.enabled',
  'two_factor.disabled',
  'two_factor.disable_failed',
  'two_factor.recovery_codes_generated',
  'two_factor.recovery_codes_generate_failed',
  'helpdesk.two_factor_reset',
  'helpdesk.user_unlocked',
  'helpdesk.signed_out_everywhere',
  'remembered_browser.created',
  'remembered_browser.forgotten',
  'login.security_key_counter_regressed',
  'security_key.added',
  'security_key.renamed',
  'security_key.removed',
  'security_key.remove_failed',
  'security_key.used_after_idle',
  // "Confirm it's you" (S25): a failed one in a session the user did not start is news to them.
  'step_up.passed',
  'step_up.failed',
] as const satisfies readonly AuditEventType[];

export type OwnSecurityEvent = {
  id: number;
  createdAt: Date;
  /** The stored type; its words are the audit log's label for it (lib/audit/events.ts). */
  type: string;
  outcome: AuditOutcome;
  /** Who did it: the user (or someone with their password), or the helpdesk. */
  by: 'you' | 'helpdesk';
  /** Only for what came from the user's side; never an agent's. */
  ip: string | null;
  browser: BrowserParts | null;
  note: Message | null;
};

const minutes = (ms: number) => Math.round(ms / 60_000);

function noteFor(event: AuditEventView): Message | null {
  const { details } = event;
  const count = (key: string) => (typeof details[key] === 'number' ? (details[key] as number) : null);
  switch (event.type) {
    case 'login.recovery_code_used': {
      const left = count('codesLeft');
      return left === null ? null : { key: 'security.notes.recoveryCodesLeft', values: { count: left } };
    }
    case 'logout.other_sessions': {
      const ended = count('sessionsEnded');
      return ended === null ? null : { key: 'security.notes.otherSessionsEnded', values: { count: ended } };
    }
    case 'login.password_locked':
      return { key: 'security.notes.paused', values: { minutes: minutes(PASSWORD_LOCK_MS) } };
    case 'login.code_locked':
      return { key: 'security.notes.paused', values: { minutes: minutes(CODE_LOCK_MS) } };
    case 'helpdesk.two_factor_reset':
      return 'security.notes.helpdeskReset';
    default:
      return details.reason === 'locked' ? 'security.notes.refusedWhilePaused' : null;
  }
}

/** The user's view of one of their own events (the caller has already limited the query to them). */
export function toOwnSecurityEvent(event: AuditEventView, userId: string): OwnSecurityEvent {
  const byHelpdesk = event.type.startsWith('helpdesk.');
  // Someone else's request (an agent's): their address and browser are theirs, not the user's to see.
  const fromUserSide = !byHelpdesk && (event.actor === null || event.actor.id === userId);
  return {
    id: event.id,
    createdAt: event.createdAt,
    type: event.type,
    outcome: event.outcome,
    by: byHelpdesk ? 'helpdesk' : 'you',
    ip: fromUserSide ? event.ip : null,
    browser: fromUserSide ? browserParts(event.userAgent) : null,
    note: noteFor(event),
  };
}
