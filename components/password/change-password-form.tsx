'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changeOwnPassword } from '@/app/(app)/settings/password/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';
import { NewPasswordFields } from './new-password-fields';

export function ChangePasswordForm() {
  const t = useTranslations('password.change');
  const tf = useTranslations('password.fields');
  const [state, action] = useActionState(changeOwnPassword, initialFormState);
  return (
    // A fresh form after a change, so no password stays in a field.
    <form action={action} className="space-y-5" noValidate key={state.ok ? 'changed' : 'form'}>
      {state.message && <Notice tone={state.ok ? 'success' : 'error'}>{state.message}</Notice>}
      <CurrentPasswordField label={tf('currentPassword')} name="currentPassword" errors={state.fieldErrors?.currentPassword} />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
    </form>
  );
}
