import { z } from 'zod';
import { messageKey, type Message, type MessageKey } from '@/lib/i18n/messages';
import { NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS } from '@/lib/forms/control-characters';
import { IDENTITY_CHECK_IDS, MIN_IDENTITY_CHECKS, type IdentityCheck } from './identity-checks';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, TICKET_MAX_LENGTH } from './request-limits';

/**
 * The rules a helpdesk change must meet before anything is read or written (S10), checked by
 * the lib functions themselves (resetTwoFactor, unlockUser), so no caller can skip them: a
 * ticket reference and a reason for every change; for a 2FA reset also at least
 * MIN_IDENTITY_CHECKS identity checks that passed, and the agent's confirmation naming the user.
 */

/** The rules' messages, as catalogue keys: the action says them in the agent's language. */
const RULE_MESSAGES = {
  ticketRequired: messageKey('helpdesk.request.ticketRequired'),
  ticketTooLong: messageKey('helpdesk.request.ticketTooLong'),
  ticketCharacters: messageKey('helpdesk.request.ticketCharacters'),
  reasonTooShort: messageKey('helpdesk.request.reasonTooShort'),
  reasonTooLong: messageKey('helpdesk.request.reasonTooLong'),
  reasonCharacters: messageKey('helpdesk.request.reasonCharacters'),
  checksUnknown: messageKey('helpdesk.request.checksUnknown'),
  checksTooFew: messageKey('helpdesk.request.checksTooFew'),
};
/**
 * The limits they name, from the constants the rules use (never a second literal): every field
 * message gets them all, each message reads the one it names.
 */
const RULE_VALUES = { ticketMax: TICKET_MAX_LENGTH, reasonMin: REASON_MIN_LENGTH, reasonMax: REASON_MAX_LENGTH, checksMin: MIN_IDENTITY_CHECKS };

const ticket = z
  .string()
  .trim()
  // abort: an empty ticket gets this one message, not also the one about characters.
  .min(1, { error: RULE_MESSAGES.ticketRequired, abort: true })
  .max(TICKET_MAX_LENGTH, RULE_MESSAGES.ticketTooLong)
  .regex(/^[A-Za-z0-9#./_-]+$/, RULE_MESSAGES.ticketCharacters);
const reason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, RULE_MESSAGES.reasonTooShort)
  .max(REASON_MAX_LENGTH, RULE_MESSAGES.reasonTooLong)
  .regex(NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS, RULE_MESSAGES.reasonCharacters);
/** Our ids are cuids: anything else is no user of ours (and never reaches the database). */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const ResetSchema = z.object({
  checks: z
    .array(z.enum(IDENTITY_CHECK_IDS, RULE_MESSAGES.checksUnknown))
    .transform((checks) => [...new Set(checks)])
    .refine((checks) => checks.length >= MIN_IDENTITY_CHECKS, RULE_MESSAGES.checksTooFew),
  ticket,
  reason,
});
const UnlockSchema = z.object({ ticket, reason });

/** A change as its form sends it: the form's fields are strings, checked here. */
export type UnlockRequest = { agentId: string; userId: string; ticket: string; reason: string };
export type ResetRequest = UnlockRequest & {
  checks: readonly string[];
  /** The user id on the confirmation button the agent clicked: it must name the user being reset. */
  confirmedUserId: string;
};

export type ValidUnlock = { agentId: string; userId: string; ticket: string; reason: string };
export type ValidReset = ValidUnlock & { checks: IdentityCheck[] };

/** What is wrong with each field, as catalogue messages: the action says them in the agent's language. */
export type FieldErrors = Partial<Record<'checks' | 'ticket' | 'reason' | 'confirm', Message[]>>;
export type RequestRefusal = { kind: 'invalid'; fieldErrors: FieldErrors } | { kind: 'no-such-user' };

/**
 * zod's messages are the rules' keys; one that is not (zod's own, for a case no rule names)
 * becomes the generic field message. Checked against our own list rather than the catalogue:
 * in the production build a message with arguments is compiled, no longer a string there.
 */
const isRuleMessage = (text: string): text is MessageKey => (Object.values(RULE_MESSAGES) as string[]).includes(text);
function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const byField = z.flattenError(error).fieldErrors as Partial<Record<keyof FieldErrors, string[]>>;
  return Object.fromEntries(
    Object.entries(byField).map(([field, texts]) => [
      field,
      texts?.map((text): Message => (isRuleMessage(text) ? { key: text, values: RULE_VALUES } : 'errors.invalidField')),
    ]),
  );
}

export function parseUnlockRequest(request: UnlockRequest): { kind: 'valid'; request: ValidUnlock } | RequestRefusal {
  if (!USER_ID.test(request.userId)) return { kind: 'no-such-user' };
  const parsed = UnlockSchema.safeParse(request);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  return { kind: 'valid', request: { agentId: request.agentId, userId: request.userId, ...parsed.data } };
}

/** The confirmation is asked for last: only a complete, valid request gets to the button that names the user. */
export function parseResetRequest(request: ResetRequest): { kind: 'valid'; request: ValidReset } | RequestRefusal {
  if (!USER_ID.test(request.userId)) return { kind: 'no-such-user' };
  const parsed = ResetSchema.safeParse(request);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
  if (request.confirmedUserId !== request.userId) return { kind: 'invalid', fieldErrors: { confirm: ['helpdesk.request.confirm'] } };
  return { kind: 'valid', request: { agentId: request.agentId, userId: request.userId, ...parsed.data } };
}
