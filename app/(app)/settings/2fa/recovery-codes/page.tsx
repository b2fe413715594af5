import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireActiveSession } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { countUnusedRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { Card } from '@/components/ui/card';
import { RegenerateRecoveryCodesForm } from '@/components/two-factor/regenerate-recovery-codes-form';
import { unusedRecoveryCodesText } from '@/lib/two-factor/messages';

export const metadata: Metadata = { title: 'New recovery codes' };

export default async function RecoveryCodesPage() {
  const { user } = await requireActiveSession();
  if (!user.twoFactorEnabledAt) redirect('/settings/2fa');
  const codesLeft = await countUnusedRecoveryCodes(user.id);
  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">Generate new recovery codes</h1>
      <p className="mt-2 text-slate-700">
        {unusedRecoveryCodesText(codesLeft)} New codes replace all of your current recovery codes: the old ones stop working at once, also the ones you have not
        used.
      </p>
      <div className="mt-6">
        <RegenerateRecoveryCodesForm accountEmail={user.email} appName={productConfig().APP_NAME} />
      </div>
    </Card>
  );
}
