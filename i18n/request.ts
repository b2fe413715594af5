import { getRequestConfig } from 'next-intl/server';
import { getRequestLanguage } from '@/lib/i18n/server';
import { CATALOGUES } from '@/lib/i18n/messages';

/**
 * next-intl's per-request configuration (the plugin in next.config.ts points here), for
 * next-intl's own server APIs and NextIntlClientProvider. The decision itself is
 * getRequestLanguage(): the same one our server helpers use.
 */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await getRequestLanguage();
  return { locale, timeZone, messages: CATALOGUES[locale] };
});
