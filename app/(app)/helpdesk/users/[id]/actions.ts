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
import type { Message } from '@/lib/i18n/messages';
import { getRequestLocale, translateMessage } from '@/lib/i18n/server';

const REFUSALS: Record<Exclude<HelpdeskResult['kind'], 'done' | 'invalid'>, Message> = {
  'own-account': 'helpdesk.answers.ownAccount',
  'no-such-user': 'helpdesk.answers.noSuchUser',
  'rate-limited': { key: 'helpdesk.answers.rateLimited', values: { count: AGENT_ACTIONS_PER_HOUR } },
  'nothing-to-do': 'helpdesk.answers.nothingToDo',
};

/** The lib's answer for the form, in the agent's language; the rules' field messages come with the agent's entries put back. */
async function answer(result: HelpdeskResult, done: Message, values?: Record<string, string>): Promise<FormState> {
  const locale = await getRequestLocale();
  const say = (message: Message) => translateMessage(locale, message);
  if (result.kind === 'invalid') {
    return { fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages?.map(say)])), values };
  }
  if (result.kind !== 'done') return { message: say(REFUSALS[result.kind]), values };
  return { ok: true, message: say(done) };
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
  return answer(result, 'helpdesk.answers.resetDone', values);
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
  return answer(result, 'helpdesk.answers.unlockDone');
}
