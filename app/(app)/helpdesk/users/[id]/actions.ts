'use server';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, textFields, unreadableForm } from '@/lib/forms/form-input';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { requireFreshSecondFactor } from '@/lib/auth/step-up';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { resetTwoFactor } from '@/lib/helpdesk/reset-two-factor';
import { unlockUser } from '@/lib/helpdesk/unlock-user';
import { REASON_MAX_LENGTH, TICKET_MAX_LENGTH } from '@/lib/helpdesk/request-limits';
import { helpdeskAnswer } from '@/lib/helpdesk/helpdesk-answer';
import { helpdeskUserPage } from '@/lib/helpdesk/user-page-path';

export async function resetUserTwoFactor(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  if (!isFormData(formData)) return unreadableForm();
  const stepUp = await requireFreshSecondFactor(agent, formData, helpdeskUserPage(formData));
  if (stepUp) return stepUp;
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
  return helpdeskAnswer(result, 'helpdesk.answers.resetDone', values);
}

export async function unlockUserAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  if (!isFormData(formData)) return unreadableForm();
  const stepUp = await requireFreshSecondFactor(agent, formData, helpdeskUserPage(formData));
  if (stepUp) return stepUp;
  const request = {
    agentId: agent.user.id,
    userId: textField(formData, 'userId'),
    ticket: textField(formData, 'ticket'),
    reason: textField(formData, 'reason'),
  };
  const result = await unlockUser(request, await getRequestMeta());
  return helpdeskAnswer(result, 'helpdesk.answers.unlockDone');
}
