'use server';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS } from '@/lib/forms/control-characters';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { IDENTITY_CHECK_IDS, MIN_IDENTITY_CHECKS } from '@/lib/helpdesk/identity-checks';
import { resetTwoFactor, unlockUser, type HelpdeskResult } from '@/lib/helpdesk/reset-two-factor';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';

const ticket = z
  .string()
  .trim()
  .min(1, 'Enter the ticket reference.')
  .max(64, 'A ticket reference has at most 64 characters.')
  .regex(/^[A-Za-z0-9#./_-]+$/, 'Use letters, digits and - _ # . / only.');
const reason = z
  .string()
  .trim()
  .min(10, 'Describe the reason in a few words (at least 10 characters).')
  .max(500, 'Keep the reason under 500 characters.')
  .regex(NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS, 'Use only letters, digits, punctuation and line breaks in the reason.');
/** Our ids are cuids: anything else is no user of ours (and never reaches the database). */
const userId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const ResetSchema = z.object({
  userId,
  checks: z
    .array(z.enum(IDENTITY_CHECK_IDS, 'Choose only identity checks from the list.'))
    .transform((checks) => [...new Set(checks)])
    .refine((checks) => checks.length >= MIN_IDENTITY_CHECKS, `Tick at least ${MIN_IDENTITY_CHECKS} identity checks that passed.`),
  ticket,
  reason,
});

const UnlockSchema = z.object({ userId, ticket, reason });

const REFUSALS: Record<Exclude<HelpdeskResult['kind'], 'done'>, string> = {
  'own-account': 'You cannot reset or unlock your own account. Ask another agent.',
  'no-such-user': 'This user no longer exists.',
  'rate-limited': `You have reached the limit of ${AGENT_ACTIONS_PER_HOUR} resets and unlocks per hour. Ask another agent, or try again later.`,
  'nothing-to-do': 'Nothing to do: the user has no 2FA to reset, or is not locked.',
};

/** Field messages for the form; a missing or forged user id (a hidden field) as a message of its own. */
function invalid(error: z.ZodError<{ userId: string }>, values?: Record<string, string>): FormState {
  const { userId, ...fieldErrors } = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  return { fieldErrors, values, ...(userId ? { message: REFUSALS['no-such-user'] } : {}) };
}

function answer(result: HelpdeskResult, done: string): FormState {
  if (result.kind !== 'done') return { message: REFUSALS[result.kind] };
  return { ok: true, message: done };
}

export async function resetUserTwoFactor(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  const input = {
    userId: formData.get('userId'),
    checks: formData.getAll('checks'),
    // A missing field is an empty one (formData.get gives null): its own message, not the validator's.
    ticket: formData.get('ticket') ?? '',
    reason: formData.get('reason') ?? '',
    confirm: formData.get('confirm') ?? '',
  };
  const parsed = ResetSchema.safeParse(input);
  // Put the agent's entries back, so the confirmation step (or a fix) does not retype them.
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
  const values = { ticket: text(input.ticket, 64), reason: text(input.reason, 500), checks: input.checks.map((c) => text(c, 40)).join(',') };
  if (!parsed.success) return invalid(parsed.error, values);
  // The second click, on the button that names the user, carries the user's id: only a complete, valid request gets there.
  if (input.confirm !== parsed.data.userId) return { fieldErrors: { confirm: ['Confirm the reset with the button that names the user.'] }, values };
  const result = await resetTwoFactor({ agentId: agent.user.id, ...parsed.data }, await getRequestMeta());
  return answer(result, 'Two-factor authentication is reset. The user can now log in with e-mail address and password only, and has been told by e-mail.');
}

export async function unlockUserAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  const parsed = UnlockSchema.safeParse({ userId: formData.get('userId'), ticket: formData.get('ticket') ?? '', reason: formData.get('reason') ?? '' });
  if (!parsed.success) return invalid(parsed.error);
  const result = await unlockUser({ agentId: agent.user.id, ...parsed.data }, await getRequestMeta());
  return answer(result, 'The account is unlocked. The user can log in again now.');
}
