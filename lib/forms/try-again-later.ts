import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { productConfig } from '@/lib/env';
import { translate, translateMessage } from '@/lib/i18n/server';
import type { FormState } from './form-state';

/**
 * The answer of an action that failed on our side (the database unreachable, say): the form
 * again with the "try again" message in the request's language, nothing of the error's text;
 * the error goes to the server log. Next.js's own control flow (redirect, notFound) is thrown
 * on unchanged.
 */
export async function tryAgainLater(error: unknown, state: FormState = {}): Promise<FormState> {
  unstable_rethrow(error);
  console.error('[action] failed:', error);
  return { ...state, message: await tryAgainLaterText() };
}

/**
 * A signed-in user's language is read from the database (lib/i18n/server.ts), which may be
 * what just failed: then the configured default language, rather than a second failure.
 */
async function tryAgainLaterText(): Promise<string> {
  try {
    return await translate('errors.tryAgainLater');
  } catch {
    return translateMessage(productConfig().DEFAULT_LOCALE, 'errors.tryAgainLater');
  }
}
