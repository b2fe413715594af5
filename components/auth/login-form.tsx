'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { logIn } from '@/app/(auth)/login/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('login');
  const [state, action] = useActionState(logIn, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label={t('emailLabel')}
        name="email"
        type="email"
        autoComplete="username"
        required
        maxLength={EMAIL_MAX_LENGTH}
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        key={`email-${state.values?.email ?? ''}`}
      />
      <TextField
        label={t('passwordLabel')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
