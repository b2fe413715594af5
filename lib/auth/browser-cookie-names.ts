/**
 * The names of a browser's two long-lived cookies (S18, S19), the one place they are spelt. In
 * production the __Host- prefix binds them to this origin over HTTPS, like the session cookie
 * (S15). Pure, so the black-box tests name them from here too.
 */
export function rememberCookieName({ production }: { production: boolean }): string {
  return production ? '__Host-portal_remember' : 'portal_remember';
}

export function deviceCookieName({ production }: { production: boolean }): string {
  return production ? '__Host-portal_device' : 'portal_device';
}
