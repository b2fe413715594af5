import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { GENERIC_ERROR_MESSAGE, type FormState } from './form-state';

/**
 * The answer of an action that failed on our side (the database unreachable, say): the form
 * again with the "try again" message, nothing of the error's text; the error goes to the
 * server log. Next.js's own control flow (redirect, notFound) is thrown on unchanged.
 */
export function tryAgainLater(error: unknown, state: FormState = {}): FormState {
  unstable_rethrow(error);
  console.error('[action] failed:', error);
  return { ...state, message: GENERIC_ERROR_MESSAGE };
}
