/** Dates and times as the portal shows them: unambiguous, in UTC, so agents and users read the same. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(date: Date): string {
  return `${date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

const EVENT_LABELS: Record<string, string> = {
  'login.password_succeeded': 'Password accepted',
  'login.password_failed': 'Wrong password',
  'login.password_locked': 'Password step locked',
  'login.code_succeeded': 'Verification code accepted',
  'login.code_failed': 'Wrong verification code',
  'login.code_replayed': 'Used verification code entered again',
  'login.code_locked': 'Verification locked',
  'login.challenge_exhausted': 'Too many codes: back to password',
  'login.recovery_code_used': 'Recovery code used',
  'login.recovery_code_failed': 'Wrong recovery code',
  'login.recovery_code_replayed': 'Used recovery code entered again',
  'login.completed': 'Signed in',
  logout: 'Logged out',
  'logout.other_sessions': 'Signed out everywhere else',
  'two_factor.enrolment_started': '2FA setup started',
  'two_factor.enabled': '2FA enabled',
  'two_factor.enable_failed': '2FA setup: wrong code',
  'two_factor.disabled': '2FA disabled',
  'two_factor.disable_failed': '2FA disable: wrong password',
  'two_factor.recovery_codes_generated': 'New recovery codes generated',
  'two_factor.recovery_codes_generate_failed': 'New recovery codes: wrong password',
  'helpdesk.two_factor_reset': '2FA reset by the helpdesk',
  'helpdesk.user_unlocked': 'Unlocked by the helpdesk',
  'office.two_factor_required': 'Office requires 2FA',
  'office.two_factor_grace_changed': 'Office 2FA grace period changed',
  'office.two_factor_requirement_lifted': 'Office no longer requires 2FA',
  'office.user_moved': 'Moved to another office',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

// First match wins: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS also says "Mac OS X".
const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/\bWindows\b/, 'Windows'],
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];
const firstMatch = (text: string, list: Array<[RegExp, string]>) => list.find(([pattern]) => pattern.test(text))?.[1];

/**
 * A browser as people name it ("Firefox on Windows"), from its User-Agent header, for a user
 * reading their own sign-ins. Unknown ones are shown as sent, shortened.
 */
export function describeBrowser(userAgent: string | null): string | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const browser = firstMatch(ua, BROWSERS);
  const system = firstMatch(ua, SYSTEMS);
  if (browser) return system ? `${browser} on ${system}` : browser;
  return ua.length > 60 ? `${ua.slice(0, 59)}…` : ua;
}
