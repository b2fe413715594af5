/**
 * The session cookie's name, the one place it is spelt. In production the __Host- prefix binds
 * the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure) (S15). Pure, so tools
 * outside the app (bench/, the black-box tests) name the cookie from here too.
 */
export function sessionCookieName({ production }: { production: boolean }): string {
  return production ? '__Host-portal_session' : 'portal_session';
}

export const SESSION_COOKIE = sessionCookieName({ production: process.env.NODE_ENV === 'production' });
