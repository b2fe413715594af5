import type { AuditOutcome } from '@/lib/db/enums';
import { eventLabel, type AuditEventType } from './events';
import type { AuditEventView } from './query-audit-events';
import { describeBrowser, formatDuration } from '@/lib/format';
import { CODE_LOCK_MS, PASSWORD_LOCK_MS } from '@/lib/auth/limits';

/**
 * What a user sees of their own audit trail on Security activity: events whose subject is
 * themself, of the kinds that tell them something about their account's security. Events
 * the helpdesk made say so, without the agent's name, e-mail address, IP address, browser,
 * ticket or reason.
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
  'two_factor.enabled',
  'two_factor.disabled',
  'two_factor.disable_failed',
  'two_factor.recovery_codes_generated',
  'two_factor.recovery_codes_generate_failed',
  'helpdesk.two_factor_reset',
  'helpdesk.user_unlocked',
  'remembered_browser.created',
  'remembered_browser.forgotten',
] as const satisfies readonly AuditEventType[];

export type OwnSecurityEvent = {
  id: number;
  createdAt: Date;
  label: string;
  outcome: AuditOutcome;
  /** Who did it: the user (or someone with their password), or the helpdesk. */
  by: 'you' | 'helpdesk';
  /** Only for what came from the user's side; never an agent's. */
  ip: string | null;
  browser: string | null;
  note: string | null;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function noteFor(event: AuditEventView): string | null {
  const { details } = event;
  const count = (key: string) => (typeof details[key] === 'number' ? (details[key] as number) : null);
  switch (event.type) {
    case 'login.recovery_code_used': {
      const left = count('codesLeft');
      return left === null ? null : `${plural(left, 'recovery code', 'recovery codes')} left`;
    }
    case 'logout.other_sessions': {
      const ended = count('sessionsEnded');
      return ended === null ? null : `${plural(ended, 'other session', 'other sessions')} ended`;
    }
    case 'login.password_locked':
      return `Paused for ${formatDuration(PASSWORD_LOCK_MS)}`;
    case 'login.code_locked':
      return `Paused for ${formatDuration(CODE_LOCK_MS)}`;
    case 'helpdesk.two_factor_reset':
      return 'At your request, after the helpdesk confirmed your identity';
    default:
      return details.reason === 'locked' ? 'Refused: logging in was paused' : null;
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
    label: eventLabel(event.type),
    outcome: event.outcome,
    by: byHelpdesk ? 'helpdesk' : 'you',
    ip: fromUserSide ? event.ip : null,
    browser: fromUserSide ? describeBrowser(event.userAgent) : null,
    note: noteFor(event),
  };
}
