import 'server-only';
import { rememberBrowserDays } from '@/lib/auth/remembered-browsers';
import { REMEMBER_BROWSER_MAX_DAYS } from '@/lib/auth/limits';
import { getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { RememberBrowserForm } from './remember-browser-form';

/** The office's "remember this browser" days on the office page (S18). */
export async function RememberBrowserSetting({ officeId }: { officeId: string }) {
  const [days, t] = await Promise.all([rememberBrowserDays(officeId), getTranslator('rememberBrowser.office')]);
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      <div className="mt-5">
        <RememberBrowserForm days={days} maxDays={REMEMBER_BROWSER_MAX_DAYS} />
      </div>
    </Card>
  );
}
