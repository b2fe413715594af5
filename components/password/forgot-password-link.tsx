import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** "Forgot your password?" under the login form (S16). */
export async function ForgotPasswordLink() {
  const t = await getTranslator('password');
  return (
    <p className="mt-4 text-center text-sm">
      <Link href="/login/forgot-password" className="font-semibold text-brand-700 underline" data-testid="forgot-password-link">
        {t('forgotLink')}
      </Link>
    </p>
  );
}
