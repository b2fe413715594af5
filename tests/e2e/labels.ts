import { createTranslator, type MessageKeys, type NestedKeyOf } from 'next-intl';
import en from '../../messages/en.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };
import nl from '../../messages/nl.json' with { type: 'json' };
import type { Locale } from '../../lib/i18n/locale';

/**
 * The words a browser test looks for, read from the catalogues the portal renders from, so a
 * test in Dutch or French follows a reworded message instead of failing on a copied string.
 * Formatted with next-intl's own translator (ICU plurals and arguments), as the server does;
 * tests/unit/i18n-precompiled.test.ts checks that the build's precompiled messages read the same.
 */
type Messages = typeof en;
export type LabelKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

const CATALOGUES: Record<Locale, Messages> = { nl, fr, en };

export function label(locale: Locale, key: LabelKey, values?: Record<string, string | number>): string {
  const t = createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return t(key, values);
}
