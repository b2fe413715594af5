import 'server-only';
import { cookies } from 'next/headers';
import { isProduction } from '@/lib/env';
import { deviceCookieName, rememberCookieName } from './browser-cookie-names';

/**
 * The two long-lived cookies of a browser, beside the session cookie: "remember this browser"
 * (S18) and the device cookie (S19). Each holds 256 random bits; the database keeps only their
 * SHA-256. HttpOnly, SameSite=Lax, and in production Secure with the __Host- prefix, like the
 * session cookie (S15). Neither grants anything alone: both are read only after a right password.
 */

const REMEMBER_COOKIE = rememberCookieName({ production: process.env.NODE_ENV === 'production' });
const DEVICE_COOKIE = deviceCookieName({ production: process.env.NODE_ENV === 'production' });

export type BrowserTokens = { rememberToken: string | null; deviceToken: string | null };

/** A token of the right shape (43 base64url characters), or null: anything else is not ours. */
function tokenOf(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

export async function readBrowserTokens(): Promise<BrowserTokens> {
  const jar = await cookies();
  return { rememberToken: tokenOf(jar.get(REMEMBER_COOKIE)?.value), deviceToken: tokenOf(jar.get(DEVICE_COOKIE)?.value) };
}

async function writeCookie(name: string, token: string, expires: Date): Promise<void> {
  (await cookies()).set(name, token, { httpOnly: true, sameSite: 'lax', secure: isProduction(), path: '/', expires });
}

export async function writeRememberCookie(token: string, expires: Date): Promise<void> {
  await writeCookie(REMEMBER_COOKIE, token, expires);
}

export async function writeDeviceCookie(token: string, expires: Date): Promise<void> {
  await writeCookie(DEVICE_COOKIE, token, expires);
}
