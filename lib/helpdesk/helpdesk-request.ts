import { z } from 'zod';
import { NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS } from '@/lib/forms/control-characters';
import { IDENTITY_CHECK_IDS, MIN_IDENTITY_CHECKS, type IdentityCheck } from './identity-checks';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH, TICKET_MAX_LENGTH } from './request-limits';

/**
 * The rules a helpdesk change must meet before anything is read or written (S10), checked by
 * the lib functions themselves (resetTwoFactor, unlockUser), so no caller can skip them: a
 * ticket reference and a reason for every change; for a 2FA reset also at least
 * MIN_IDENTITY_CHECKS identity checks that passed, and the agent's confirmation naming the user.
 */

const ticket = z
  .string()
  .trim()
  // abort: an empty ticket gets this one message, not also the one about characters.
  .min(1, { error: 'Enter the ticket reference.', abort: true })
  .max(TICKET_MAX_LENGTH, `A ticket reference has at most ${TICKET_MAX_LENGTH} characters.`)
  .regex(/^[A-Za-z0-9#./_-]+$/, 'Use letters, digits and - _ # . / only.');
const reason = z
  .string()
  .trim()
  .min(REASON_MIN_LENGTH, `Describe the reason in a few words (at least ${REASON_MIN_LENGTH} characters).`)
  .max(REASON_MAX_LENGTH, `Keep the reason under ${REASON_MAX_LENGTH} characters.`)
  .regex(NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS, 'Use only letters, digits, punctuation and line breaks in the reason.');
/** Our ids are cuids: anything else is no user of ours (and never reaches the database). */
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const ResetSchema = z.object({
  checks: z
    .array(z.enum(IDENTITY_CHECK_IDS, 'Choose only identity checks from the list.'))
    .transform((checks) => [...new Set(checks)])
    .refine((checks) => checks.length >= MIN_IDENTITY_CHECKS, `Tick at least ${MIN_IDENTITY_CHECKS} identity checks that passed.`),
  ticket,
  reason,
});
const UnlockSchema = z.object({ ticket, reason });

export const CONFIRM_WITH_THE_NAMED_BUTTON = 'Confirm the reset with the button that names the user.';

/** A change as its form sends it: the form's fields are strings, checked here. */
export type UnlockRequest = { agentId: string; userId: string; ticket: string; reason: string };
export type ResetRequest = UnlockRequest & {
  checks: readonly string[];
  /** The user id on the confirmation button the agent clicked: it must name the user being reset. */
  confirmedUserId: string;
};

export type ValidUnlock = { agentId: string; userId: string; ticket: string; reason: string };
export type ValidReset = ValidUnlock & { checks: IdentityCheck[] };

export type FieldErrors = Partial<Record<'checks' | 'ticket' | 'reason' | 'confirm', string[]>>;
export type RequestRefusal = { kind: 'invalid'; fieldErrors: FieldErrors } | { kind: 'no-such-user' };

const fieldErrorsOf = (error: z.ZodError) => z.flattenError(error).fieldErrors as FieldErrors;

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
  if (request.confirmedUserId !== request.userId) return { kind: 'invalid', fieldErrors: { confirm: [CONFIRM_WITH_THE_NAMED_BUTTON] } };
  return { kind: 'valid', request: { agentId: request.agentId, userId: request.userId, ...parsed.data } };
}
