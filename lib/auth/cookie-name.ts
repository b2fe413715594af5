// __Host- binds the cookie to this exact origin over HTTPS (no Domain, Path=/, Secure) (S15).
export const SESSION_COOKIE = process.env.NODE_ENV === 'production' ? '__Host-portal_session' : 'portal_session';
