'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { verifyCode } from '@/app/(auth)/login/verify/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

export function VerifyForm({ callbackUrl, rememberDays }: { callbackUrl: string; rememberDays: number }) {
  const t = useTranslations('verify');
  const [state, action] = useActionState(verifyCode, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label={t('codeLabel')}
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={12}
        required
        autoFocus
        spellCheck={false}
        hint={t('codeHint')}
        errors={state.fieldErrors?.code}
        className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.3em]"
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
