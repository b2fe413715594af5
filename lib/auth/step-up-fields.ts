/**
 * The field a form's page adds when JavaScript runs (components/step-up/use-step-up-form.tsx):
 * the guard then answers with "Confirm it's you" in the page instead of a redirect. Not a
 * security decision: either answer changes nothing.
 */
export const STEP_UP_INLINE_FIELD = 'stepUpInline';
