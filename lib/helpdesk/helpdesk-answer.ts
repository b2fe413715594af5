import 'server-only';
import type { FormState } from '@/lib/forms/form-state';
import type { HelpdeskResult } from '@/lib/helpdesk/helpdesk-change';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';
import type { Message } from '@/lib/i18n/messages';
import { getRequestLocale, translateMessage } from '@/lib/i18n/server';

const REFUSALS: Record<Exclude<HelpdeskResult['kind'], 'done' | 'invalid'>, Message> = {
  'own-account': 'helpdesk.answers.ownAccount',
  'no-such-user': 'helpdesk.answers.noSuchUser',
  'rate-limited': { key: 'helpdesk.answers.rateLimited', values: { count: AGENT_ACTIONS_PER_HOUR } },
  'nothing-to-do': 'helpdesk.answers.nothingToDo',
};

/**
 * A helpdesk change's answer for its form (reset 2FA, unlock, sign out everywhere), in the
 * agent's language: the rules' field messages and the refusals are the same for every change;
 * `values` puts the agent's entries back after a refusal.
 */
export async function helpdeskAnswer(result: HelpdeskResult, done: Message, values?: Record<string, string>): Promise<FormState> {
  const locale = await getRequestLocale();
  const say = (message: Message) => translateMessage(locale, message);
  if (result.kind === 'invalid') {
    return { fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages?.map(say)])), values };
  }
  if (result.kind !== 'done') return { message: say(REFUSALS[result.kind]), values };
  return { ok: true, message: say(done) };
}
