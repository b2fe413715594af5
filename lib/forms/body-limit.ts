/**
 * The largest request body the portal reads. No form of ours sends more than a few kB (the
 * longest fields are a 1,024-character password and a 500-character reason); Next.js's own
 * limit for server actions is 1 MB, and a body over it was a 500 with the framework's
 * "Body exceeded 1 MB limit" text. 128 kB is far above any real form and far below that limit;
 * it also leaves the attack suite's 100 kB field (S14's table) to the form's own message.
 * Pure constants: read by proxy.ts (which answers 413 before any action runs), next.config.ts
 * (the framework's limit, for a body that gets past the proxy) and the error page.
 */
export const MAX_FORM_BODY_BYTES = 128 * 1024;

/** What a user is told, with JavaScript (the error page) or without (proxy.ts's own page). */
export const FORM_TOO_LARGE = 'The form was too large to send, so nothing was saved or changed. Shorten what you entered and try again.';
