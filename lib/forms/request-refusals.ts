import { FORM_UNREADABLE } from './form-input';

/**
 * The largest request body the portal reads. No form of ours sends more than a few kB (the
 * longest fields are a 1,024-character password and a 500-character reason); Next.js's own
 * limit for server actions is 1 MB, and a body over it was a 500 with the framework's
 * "Body exceeded 1 MB limit" text. 128 kB is far above any real form and far below that limit;
 * it also leaves the attack suite's 100 kB field (S14's table) to the form's own message.
 * Pure constants: read by proxy.ts (lib/forms/unacceptable-request.ts), next.config.ts (the
 * framework's limit, for a body that gets past the proxy) and app/error.tsx.
 */
export const MAX_FORM_BODY_BYTES = 128 * 1024;

export const FORM_TOO_LARGE = 'The form was too large to send, so nothing was saved or changed. Shorten what you entered and try again.';

export const FORM_FROM_ANOTHER_SITE =
  'This form was sent from another website, so it was refused and nothing was changed. Open the portal yourself and try again there.';

/**
 * The heading of each fixed text proxy.ts refuses a request with: on its own page without
 * JavaScript, and in app/error.tsx with it (the React client throws the text as an error).
 */
export const REFUSAL_HEADINGS: Record<string, string> = {
  [FORM_TOO_LARGE]: 'The form was too large',
  [FORM_UNREADABLE]: 'The form could not be read',
  [FORM_FROM_ANOTHER_SITE]: 'The form came from another website',
};
