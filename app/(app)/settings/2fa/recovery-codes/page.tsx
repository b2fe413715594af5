import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireActiveSession } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { countUnusedRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { Card } from '@/components/ui/card';
import { RegenerateRecoveryCodesForm } from '@/components/two-factor/regenerate-recovery-codes-form';
import { unusedRecoveryCodes } from '@/lib/two-factor/messages';
import { getTranslator, translate } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('recoveryCodes'))('pageTitle') };
}

export default async function RecoveryCodesPage() {
  const { user } = await requireActiveSession();
  if (!user.twoFactorEnabledAt) redirect('/settings/2fa');
  const codesLeft = await countUnusedRecoveryCodes(user.id);
  const t = await getTranslator('recoveryCodes');
  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
      <p className="mt-2 text-slate-700">
        {await translate(unusedRecoveryCodes(codesLeft))} {t('replaceWarning')}
      </p>
      <div className="mt-6">
        <RegenerateRecoveryCodesForm accountEmail={user.email} appName={productConfig().APP_NAME} />
      </div>
    </Card>
  );
}
