import type { Metadata } from 'next';
import { getTranslator } from '@/lib/i18n/server';
import { ForgotPasswordForm } from '@/components/password/forgot-password-form';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('password'))('forgot.title') };
}

/** Public: whoever forgot their password is not signed in (S16). */
export default async function ForgotPasswordPage() {
  const t = await getTranslator('password');
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{t('forgot.title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('forgot.intro')}</p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
    </Card>
  );
}
