'use server';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { AGENT_ACTIONS_PER_HOUR } from '@/lib/helpdesk/agent-rate-limit';
import { signOutEverywhere } from '@/lib/helpdesk/sign-out-everywhere';
import { isMessageKey } from '@/lib/i18n/messages';
import { getTranslator, translate } from '@/lib/i18n/server';

/** "Sign out everywhere" on the helpdesk's user page (S20): every session and remembered browser of the user ends; 2FA stays. */
export async function signOutUserEverywhere(_prev: FormState, formData: FormData): Promise<FormState> {
  const agent = await requireHelpdeskAgent();
  if (!isFormData(formData)) return unreadableForm();
  const request = {
    agentId: agent.user.id,
    userId: textField(formData, 'userId'),
    ticket: textField(formData, 'ticket'),
    reason: textField(formData, 'reason'),
  };
  const result = await signOutEverywhere(request, await getRequestMeta());
  const t = await getTranslator('sessions.helpdesk');
  switch (result.kind) {
    case 'done':
      return { ok: true, message: t('done') };
    case 'invalid': {
      // The shared helpdesk rules' messages: keys once the helpdesk screens are translated, their text until then.
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, errors] of Object.entries(result.fieldErrors)) {
        fieldErrors[field] = await Promise.all((errors ?? []).map((error) => (isMessageKey(error) ? translate(error) : error)));
      }
      return { fieldErrors, values: { ticket: request.ticket, reason: request.reason } };
    }
    case 'own-account':
      return { message: t('ownAccount') };
    case 'no-such-user':
      return { message: t('noSuchUser') };
    case 'rate-limited':
      return { message: t('rateLimited', { limit: AGENT_ACTIONS_PER_HOUR }), values: { ticket: request.ticket, reason: request.reason } };
    case 'nothing-to-do':
      // signOutEverywhere always has something to end (at least the remembered browsers): never answered.
      return { ok: true, message: t('done') };
  }
}
