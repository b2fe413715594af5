'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { logIn } from '@/app/(auth)/login/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField, EmailField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const [state, action] = useActionState(logIn, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField label={t('emailLabel')} defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <CurrentPasswordField label={t('passwordLabel')} errors={state.fieldErrors?.password} />
      <SubmitButton className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
