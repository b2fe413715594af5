'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';
import { TwoFactorDisabledNotice } from './two-factor-disabled-notice';

export function DisableForm() {
  const [state, action] = useActionState(turnOffTwoFactor, initialFormState);
  const t = useTranslations('disable2fa.form');
  const common = useTranslations('common');
  if (state.ok) return <TwoFactorDisabledNotice />;
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <CurrentPasswordField label={t('passwordLabel')} hint={t('passwordHint')} errors={state.fieldErrors?.password} className="max-w-sm" />
      <div className="flex items-center gap-3">
        <SubmitButton variant="danger" pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
        <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
          {common('cancel')}
        </Link>
      </div>
    </form>
  );
}
