'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

export function RecoveryCodeForm({ callbackUrl, rememberDays }: { callbackUrl: string; rememberDays: number }) {
  const t = useTranslations('verify');
  const [state, action] = useActionState(verifyRecoveryCode, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label={t('recovery.label')}
        name="recoveryCode"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={32}
        required
        autoFocus
        spellCheck={false}
        hint={t('recovery.hint')}
        errors={state.fieldErrors?.recoveryCode}
        className="[&_input]:text-center [&_input]:font-mono [&_input]:text-xl [&_input]:uppercase [&_input]:tracking-[0.2em]"
      />
      <RememberBrowserCheckbox days={rememberDays} checked={state.values?.rememberBrowser === 'on'} />
      {state.message && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {state.message}
        </p>
      )}
      <SubmitButton className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
