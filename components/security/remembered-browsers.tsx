import 'server-only';
import { listRememberedBrowsers } from '@/lib/auth/remembered-browsers';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { ForgetBrowserList } from './forget-browser-list';

/** The user's remembered browsers (S18) on the Security page, each with a Forget button. */
export async function RememberedBrowsers({ userId }: { userId: string }) {
  const [items, t, format] = await Promise.all([listRememberedBrowsers(userId), getTranslator('rememberBrowser.security'), getDateFormat()]);
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-700">{items.length === 0 ? t('empty') : t('intro')}</p>
      <ForgetBrowserList
        items={items.map((item) => ({
          id: item.id,
          description: item.description,
          lastUsed: t('lastUsed', { when: format.dateTimeWithZone(item.lastUsedAt) }),
          until: t('until', { when: format.dateTimeWithZone(item.expiresAt) }),
        }))}
      />
    </Card>
  );
}
