'use server';
import { redirect } from 'next/navigation';
import { endCurrentSession } from '@/lib/auth/end-current-session';

/** Open to active and pending sessions alike; without a session it only clears the cookie. */
export async function logOut(): Promise<void> {
  await endCurrentSession({ audit: true });
  redirect('/login?notice=logged-out');
}
