import type { Locale } from '@/lib/i18n/locale';
import type en from '@/messages/en.json';

/**
 * next-intl's types for this app: useTranslations(), useLocale() and createTranslator() know
 * our locales and every message key (English is the reference catalogue), so a typo in a key
 * is a type error.
 */
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
