import type { UserFacts } from '@/lib/helpdesk/find-users';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';

export async function TwoFactorBadge({ twoFactor }: { twoFactor: UserFacts['twoFactor'] }) {
  const t = await getTranslator('helpdesk.twoFactorBadge');
  if (twoFactor.status === 'on') {
    const format = await getDateFormat();
    return (
      <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">{t('on', { date: format.date(twoFactor.since) })}</span>
    );
  }
  if (twoFactor.status === 'pending') return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t('pending')}</span>;
  return <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">{t('off')}</span>;
}
