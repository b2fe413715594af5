import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { PasswordAgainForm } from '@/components/step-up/password-again-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('stepUp'))('password.title') };
}

/** S26: the password again before turning 2FA on, when the sign-in is older than the window. */
export default async function PasswordAgainPage() {
  const { user } = await requireEnrolmentAccess();
  if (user.twoFactorEnabledAt) redirect('/settings/2fa');
  const t = await getTranslator('stepUp');
  return (
    <Card className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('password.title')}</h1>
      <div className="mt-6">
        <PasswordAgainForm />
      </div>
    </Card>
  );
}
