'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestPasswordResetLink } from '@/app/(auth)/login/forgot-password/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { EmailField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';

export function ForgotPasswordForm() {
  const t = useTranslations('password.forgot');
  const tf = useTranslations('password.fields');
  const [state, action] = useActionState(requestPasswordResetLink, initialFormState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{state.message}</Notice>
        <p className="text-sm text-slate-600">{t('checkSpam')}</p>
        <Link href="/login" className="text-sm font-semibold text-brand-700 underline">
          {t('backToLogin')}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <EmailField label={tf('emailLabel')} defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <SubmitButton className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
      <p className="text-sm text-slate-600">{t('twoFactorNote')}</p>
      <Link href="/login" className="block text-sm font-semibold text-brand-700 underline">
        {t('backToLogin')}
      </Link>
    </form>
  );
}
