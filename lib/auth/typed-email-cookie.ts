import 'server-only';
import { cookies } from 'next/headers';
import { isProduction } from '@/lib/env';
import { EMAIL_MAX_LENGTH } from './email-address';

/**
 * The address typed into the login form, kept for the one page a browser without JavaScript is
 * sent back to after a refusal (app/(auth)/login/password/route.ts), so it need not type it again.
 * Not in the URL (history, logs, a Referer), not readable by scripts, only sent to the login's
 * own paths, and gone within a minute. In production the __Secure- prefix: over HTTPS only (the
 * __Host- prefix asks for Path=/, which would send it with every request).
 */
const TYPED_EMAIL_COOKIE = isProduction() ? '__Secure-portal_login_email' : 'portal_login_email';
const OPTIONS = { httpOnly: true, sameSite: 'lax', secure: isProduction(), path: '/login' } as const;
const LIFETIME_SECONDS = 60;

/** Keeps `email` for the page the browser is sent back to; an empty field keeps nothing (not an address typed before). */
export async function keepTypedEmail(email: string): Promise<void> {
  if (!email) return forgetTypedEmail();
  (await cookies()).set(TYPED_EMAIL_COOKIE, email.slice(0, EMAIL_MAX_LENGTH), { ...OPTIONS, maxAge: LIFETIME_SECONDS });
}

/** The address kept by a refusal less than a minute ago, or ''. */
export async function typedEmail(): Promise<string> {
  return (await cookies()).get(TYPED_EMAIL_COOKIE)?.value.slice(0, EMAIL_MAX_LENGTH) ?? '';
}

/** Once signed in, the address is not kept (the next person at a shared computer sees an empty form). */
export async function forgetTypedEmail(): Promise<void> {
  const jar = await cookies();
  if (jar.has(TYPED_EMAIL_COOKIE)) jar.delete({ name: TYPED_EMAIL_COOKIE, ...OPTIONS });
}
