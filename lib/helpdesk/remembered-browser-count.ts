import 'server-only';
import { countRememberedBrowsers } from '@/lib/auth/remembered-browsers';

/**
 * How many browsers skip the code for this user now (S18), for the helpdesk's user page: a
 * caller who says "it never asks me for a code" is answered, and a reset of 2FA ends them all.
 */
export async function rememberedBrowserCount(userId: string): Promise<number> {
  return countRememberedBrowsers(userId);
}
