/**
 * The largest request body the portal reads. No form of ours sends more than a few kB (the
 * longest fields are a 1,024-character password and a 500-character reason); Next.js's own
 * limit for server actions is 1 MB, and a body over it was a 500 with the framework's
 * "Body exceeded 1 MB limit" text. 128 kB is far above any real form and far below that limit;
 * it also leaves the attack suite's 100 kB field (S14's table) to the form's own message.
 * Pure constants and functions (no server-only, no catalogue): read by proxy.ts
 * (lib/forms/unacceptable-request.ts), next.config.ts (the framework's limit, for a body that
 * gets past the proxy) and app/error.tsx in the browser.
 */
export const MAX_FORM_BODY_BYTES = 128 * 1024;

/**
 * The requests proxy.ts refuses before an action reads them. Each name is also the catalogue
 * area of its words (errors.refusals.<name>.title and .body), in every language.
 */
export const REFUSALS = ['tooLarge', 'unreadable', 'fromAnotherSite'] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * The React client turns a `text/plain` answer to an action into an Error whose message is the
 * body, and app/error.tsx gets only that message. So the body's first line names the refusal
 * in a form no language changes ("portal-refusal:tooLarge"), and the error page shows its own
 * words for it in the page's language; the text after it, in the request's language, is for
 * whoever reads the answer without our page (a script, curl).
 */
const REFUSAL_PREFIX = 'portal-refusal:';

export function refusalBody(refusal: Refusal, text: string): string {
  return `${REFUSAL_PREFIX}${refusal}\n${text}`;
}

/** The refusal an error's message names, or null for any other error (whose text is never shown). */
export function refusalOf(message: unknown): Refusal | null {
  if (typeof message !== 'string' || !message.startsWith(REFUSAL_PREFIX)) return null;
  const name = message.slice(REFUSAL_PREFIX.length).split('\n', 1)[0];
  return (REFUSALS as readonly string[]).includes(name) ? (name as Refusal) : null;
}
