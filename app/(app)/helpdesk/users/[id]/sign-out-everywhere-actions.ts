'use server';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { requireFreshSecondFactor } from '@/lib/auth/step-up';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { signOutEverywhere } from '@/lib/helpdesk/sign-out-everywhere';
import { helpdeskAnswer } from '@/lib/helpdesk/helpdesk-answer';
import { helpdeskUserPage } from '@/lib/helpdesk/user-page-path';

/** "Sign out everywhere" on the helpdesk's user page (S20): every session and remembered browser of the user ends; 2FA stays. */
export async function signOutUserEverywhere(_prev: FormState, formData: FormData): Promise<FormState> {
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
  const result = await signOutEverywhere(request, await getRequestMeta());
  // nothing-to-do never comes: there is always something to end (at least the remembered browsers).
  return helpdeskAnswer(result, 'sessions.helpdesk.done', { ticket: request.ticket, reason: request.reason });
}
