'use server';
import type { FormState } from '@/lib/forms/form-state';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { unlockUser } from '@/lib/helpdesk/unlock-user';
import type { HelpdeskResult } from '@/lib/helpdesk/helpdesk-change';
import { REASON_MAX_LENGTH, TICKET_MAX_LENGTH } from '@/lib/helpdesk/request-limits';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';

const REFUSALS: Record<Exclude<HelpdeskResult['kind'], 'done' | 'invalid'>, string> = {
  'own-account': 'You cannot reset or unlock your own account. Ask another agent.',
  'no-such-user': 'This user no longer exists.',
  'rate-limited': `You have reached the limit of ${AGENT_ACTIONS_PER_HOUR} resets and unlocks per hour. Ask another agent, or try again later.`,
  'nothing-to-do': 'Nothing to do: the user has no 2FA to reset, or is not locked.',
};

/** The lib's answer for the form; the rules' field messages come with the agent's entries put back. */
function answer(result: HelpdeskResult, done: string, values?: Record<string, string>): FormState {
  if (result.kind === 'invalid') return { fieldErrors: result.fieldErrors, values };
  if (result.kind !== 'done') return { message: REFUSALS[result.kind], values };
  return { ok: true, message: done };
}

/** A form field as text: a missing field is an empty one (formData.get gives null), so the rules give it their own message. */
const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

export async function resetUserTwoFactor(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  const request = {
    agentId: agent.user.id,
    userId: text(formData.get('userId')),
    checks: formData.getAll('checks').map(text),
    ticket: text(formData.get('ticket')),
    reason: text(formData.get('reason')),
    // The second click, on the button that names the user, carries the user's id.
    confirmedUserId: text(formData.get('confirm')),
  };
  // Put the agent's entries back, so the confirmation step (or a fix) does not retype them.
  const values = { ticket: request.ticket.slice(0, TICKET_MAX_LENGTH), reason: request.reason.slice(0, REASON_MAX_LENGTH), checks: request.checks.map((c) => c.slice(0, 40)).join(',') };
  const result = await resetTwoFactor(request, await getRequestMeta());
  return answer(result, 'Two-factor authentication is reset. The user can now log in with e-mail address and password only, and has been told by e-mail.', values);
}

export async function unlockUserAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  const request = { agentId: agent.user.id, userId: text(formData.get('userId')), ticket: text(formData.get('ticket')), reason: text(formData.get('reason')) };
  const result = await unlockUser(request, await getRequestMeta());
  return answer(result, 'The account is unlocked. The user can log in again now.');
}
