import Link from 'next/link';
import { requireActiveSession } from '@/lib/auth/guards';
import { Card } from '@/components/ui/card';
import { getTranslator } from '@/lib/i18n/server';

export default async function HomePage() {
  const { user } = await requireActiveSession();
  const t = await getTranslator('layout');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('home.welcome', { name: user.name })}</h1>
        {user.officeName && <p className="mt-1 text-slate-600">{user.officeName}</p>}
      </div>
      <Card>
        <h2 className="text-lg font-semibold">{t('home.twoFactorHeading')}</h2>
        <p className="mt-1 text-sm text-slate-600">{user.twoFactorEnabledAt ? t('home.enabled') : t('home.notEnabled')}</p>
        <Link href="/settings/2fa" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          {t('manage2fa')}
        </Link>
      </Card>
    </div>
  );
}
