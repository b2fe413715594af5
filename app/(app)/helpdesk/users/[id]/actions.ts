'use server';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, textFields, unreadableForm } from '@/lib/forms/form-input';
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

export async function resetUserTwoFactor(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  if (!isFormData(formData)) return unreadableForm();
  const request = {
    agentId: agent.user.id,
    // A missing field or a file part is an empty one (textField): the rules give it their own message.
    userId: textField(formData, 'userId'),
    checks: textFields(formData, 'checks'),
    ticket: textField(formData, 'ticket'),
    reason: textField(formData, 'reason'),
    // The second click, on the button that names the user, carries the user's id.
    confirmedUserId: textField(formData, 'confirm'),
  };
  // Put the agent's entries back, so the confirmation step (or a fix) does not retype them.
  const values = {
    ticket: request.ticket.slice(0, TICKET_MAX_LENGTH),
    reason: request.reason.slice(0, REASON_MAX_LENGTH),
    checks: request.checks.map((c) => c.slice(0, 40)).join(','),
  };
  const result = await resetTwoFactor(request, await getRequestMeta());
  return answer(
    result,
    'Two-factor authentication is reset. The user can now log in with e-mail address and password only, and has been told by e-mail.',
    values,
  );
}

export async function unlockUserAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  if (!isFormData(formData)) return unreadableForm();
  const request = {
    agentId: agent.user.id,
    userId: textField(formData, 'userId'),
    ticket: textField(formData, 'ticket'),
    reason: textField(formData, 'reason'),
  };
  const result = await unlockUser(request, await getRequestMeta());
  return answer(result, 'The account is unlocked. The user can log in again now.');
}
