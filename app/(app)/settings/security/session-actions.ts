'use server';
import { redirect } from 'next/navigation';
import { requireActiveSession } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { isFormData, textField } from '@/lib/forms/form-input';
import { endOwnSession } from '@/lib/sessions/end-own-session';

/**
 * "Sign out" beside one of the user's other sessions (S20). The session id comes from the
 * form, so it is anyone's to forge: endOwnSession ends it only if it is the caller's own.
 * A plain form post (no JavaScript needed); the answer is a notice on the Security page.
 */
export async function signOutSession(formData: FormData): Promise<void> {
  const { user, sessionId } = await requireActiveSession();
  const target = isFormData(formData) ? textField(formData, 'sessionId') : '';
  const result = await endOwnSession({ userId: user.id, currentSessionId: sessionId, sessionId: target }, await getRequestMeta());
  switch (result.kind) {
    case 'ended':
      redirect('/settings/security?session=ended');
    case 'not-found':
    case 'this-browser':
      // A forged id, or one signed out meanwhile (another tab, the session expired): nothing was ended.
      redirect('/settings/security?session=not-found');
  }
}
