import type { Metadata } from 'next';
import { requireActiveSession } from '@/lib/auth/guards';
import { getTranslator } from '@/lib/i18n/server';
import { ChangePasswordForm } from '@/components/password/change-password-form';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('password'))('change.title') };
}

/** "Change password" (S17): its own page, linked from the account menu and the Security page. */
export default async function ChangePasswordPage() {
  await requireActiveSession();
  const t = await getTranslator('password');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('change.title')}</h1>
        <p className="mt-1 text-slate-600">{t('change.intro')}</p>
      </div>
      <Card className="max-w-xl">
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
