/**
 * A message lib code names (a catalogue key, or a key with its values) as a browser that asks
 * for English reads it: the integration and HTTP suites run in the default language, en, and
 * compare answers with these texts rather than with words copied into the tests.
 */
import type { Message } from '@/lib/i18n/messages';
import { translateMessage } from '@/lib/i18n/server';

export const english = (message: Message): string => translateMessage('en', message);
