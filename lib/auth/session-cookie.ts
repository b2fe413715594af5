import 'server-only';
import { cookies } from 'next/headers';
import { isProduction } from '@/lib/env';

import { SESSION_COOKIE } from './cookie-name';

export async function readSessionToken(): Promise<string | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value && value.length <= 128 ? value : null;
}

export async function writeSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isProduction(),
    path: '/',
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: SESSION_COOKIE, path: '/', secure: isProduction(), httpOnly: true, sameSite: 'lax' });
}
