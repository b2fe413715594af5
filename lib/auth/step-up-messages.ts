/**
 * The words of "Confirm it's you" and of the password asked again (S25, S26), as catalogue
 * messages (area stepUp); durations come from the limits, never a second literal.
 */
import { messageKey, type Message } from '@/lib/i18n/messages';
import { CODE_LOCK_MS, STEP_UP_WINDOW_MS } from './limits';

const minutes = (ms: number) => Math.round(ms / 60_000);

export const STEP_UP_MINUTES = minutes(STEP_UP_WINDOW_MS);
export const STEP_UP_CONFIRMED = messageKey('stepUp.confirmed');
export const STEP_UP_LOCKED: Message = { key: 'stepUp.locked', values: { minutes: minutes(CODE_LOCK_MS) } };
export const STEP_UP_ENABLE_FIRST = messageKey('stepUp.enableFirst');
