'use server';
import { redirect } from 'next/navigation';
import { requireActiveSession } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { signOutOtherSessions } from '@/lib/auth/sign-out-other-sessions';

/** "Sign out everywhere else": the caller's other sessions end (S9); this one stays. No input to parse. */
export async function signOutEverywhereElse(): Promise<void> {
  const { user, sessionId } = await requireActiveSession();
  await signOutOtherSessions({ userId: user.id, sessionId }, await getRequestMeta());
  redirect('/settings/security?notice=signed-out-elsewhere');
}
