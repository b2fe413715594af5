'use client';
import { useActionState } from 'react';
import { turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { useTranslations } from 'next-intl';
import { initialFormState } from '@/lib/forms/form-state';
import { TwoFactorDisabledNotice } from './two-factor-disabled-notice';
import { PasswordAgainFields } from './password-again-fields';

export function DisableForm() {
  const t = useTranslations('disable2fa.form');
  const [state, action] = useActionState(turnOffTwoFactor, initialFormState);
  if (state.ok) return <TwoFactorDisabledNotice />;
  return (
    <form action={action} className="space-y-5" noValidate>
      <PasswordAgainFields state={state} t={t} variant="danger" />
    </form>
  );
}
