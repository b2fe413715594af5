import UAParser from 'ua-parser-js';

/**
 * "Chrome on Windows", from a user agent, for lists a person reads; never used for a decision.
 * Product names are not translated; an unrecognised browser is described by its user agent's start.
 */
export function describeBrowser(userAgent: string | null): string {
  const { browser, os } = new UAParser(userAgent ?? '').getResult();
  if (!browser.name) return (userAgent ?? '?').slice(0, 60);
  return (os.name ? `${browser.name} · ${os.name}` : browser.name).slice(0, 100);
}
