import { UAParser } from 'ua-parser-js';

/** A browser as a user recognises it in their list of sessions: its name and version, and the system it runs on. */
export type BrowserDescription = { browser: string | null; system: string | null };

/**
 * The one place that reads a User-Agent header with ua-parser-js (1.x: MIT; 2.x is AGPL).
 * The browser's major version only ("Firefox 140", not "140.0.2"): enough to tell two
 * browsers apart. Product names are the same in every
 * language, so this returns names, and the screen says "on" in the reader's language.
 */
export function describeUserAgent(userAgent: string | null): BrowserDescription {
  const ua = userAgent?.trim();
  if (!ua) return { browser: null, system: null };
  const { browser, os } = parse(ua);
  const name = browser.name ? [browser.name, browser.major].filter(Boolean).join(' ') : null;
  // The system's name only: its version in the header is frozen (Windows 11 says 10, every macOS says 10.15.7).
  return { browser: name, system: os.name ?? null };
}

function parse(ua: string) {
  const { browser, os } = new UAParser(ua).getResult();
  // ua-parser 1.x still calls macOS by its old name.
  return { browser, os: { name: os.name === 'Mac OS' ? 'macOS' : os.name } };
}

/** A browser and the system it runs on, as people name them ("Firefox", "Windows"); the words around them are the reader's language's. */
export type BrowserParts = { browser: string; system: string | null };

/**
 * A browser by name only, for a user reading their own sign-ins and e-mails: the catalogue joins
 * the parts ("Firefox on Windows", "Firefox op Windows"). A header the parser does not know is
 * shown as sent, shortened, with no system: it may be the only clue to a stranger's tool.
 */
export function browserParts(userAgent: string | null): BrowserParts | null {
  const ua = userAgent?.trim();
  if (!ua) return null;
  const { browser, os } = parse(ua);
  if (browser.name) return { browser: browser.name, system: os.name ?? null };
  return { browser: ua.length > 60 ? `${ua.slice(0, 59)}…` : ua, system: null };
}

/** The same in one line of plain text, for the audit log ("Firefox 140 / Windows 10"); null when nothing is known. */
export function browserSummary(userAgent: string | null): string | null {
  const { browser, system } = describeUserAgent(userAgent);
  if (!browser && !system) return null;
  return [browser, system].filter(Boolean).join(' / ');
}
