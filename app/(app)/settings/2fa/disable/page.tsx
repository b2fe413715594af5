import type { Metadata } from 'next';
import { requireActiveSession } from '@/lib/auth/guards';
import { Card } from '@/components/ui/card';
import { DisableForm } from '@/components/two-factor/disable-form';
import { TwoFactorDisabledNotice } from '@/components/two-factor/two-factor-disabled-notice';
import { Notice } from '@/components/ui/notice';
import { REQUIRED_BY_OFFICE } from '@/lib/two-factor/messages';
import { getTranslator, translate } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('disable2fa'))('title') };
}

export default async function DisableTwoFactorPage() {
  const { user } = await requireActiveSession();
  const t = await getTranslator('disable2fa');
  // Not a redirect when 2FA is off: this page is rendered again after its own action has just
  // turned 2FA off (development mode does so), and must then keep the confirmation on screen.
  if (!user.twoFactorEnabledAt) {
    return (
      <Card className="max-w-2xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <div className="mt-6">
          <TwoFactorDisabledNotice />
        </div>
      </Card>
    );
  }
  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 text-slate-700">{t('intro')}</p>
      <div className="mt-6">{user.officeRequiresTwoFactor ? <Notice tone="info">{await translate(REQUIRED_BY_OFFICE)}</Notice> : <DisableForm />}</div>
    </Card>
  );
}
