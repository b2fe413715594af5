import 'server-only';
import { rememberedBrowserCount } from '@/lib/helpdesk/remembered-browser-count';
import { getTranslator } from '@/lib/i18n/server';

/** One fact of the helpdesk's user page: the user's remembered browsers (S18). */
export async function RememberedBrowserCount({ userId }: { userId: string }) {
  const [count, t] = await Promise.all([rememberedBrowserCount(userId), getTranslator('rememberBrowser.helpdesk')]);
  return (
    <div>
      <dt className="text-slate-600">{t('label')}</dt>
      <dd className="font-medium" data-testid="remembered-browser-count">
        {count}
      </dd>
    </div>
  );
}
