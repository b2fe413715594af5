'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { confirmPasswordToEnable } from '@/app/(app)/settings/2fa/password/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { STEP_UP_WINDOW_MS } from '@/lib/auth/limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';

/** S26: the password again, then on to the enrolment. */
export function PasswordAgainForm() {
  const t = useTranslations('stepUp');
  const common = useTranslations('common');
  const [state, action] = useActionState(confirmPasswordToEnable, initialFormState);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t('password.intro', { minutes: Math.round(STEP_UP_WINDOW_MS / 60_000) })}</p>
      <form action={action} className="space-y-5" noValidate>
        {state.message && <Notice tone="error">{state.message}</Notice>}
        <TextField
          label={t('password.label')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          maxLength={1024}
          errors={state.fieldErrors?.password}
          className="max-w-sm"
        />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel={t('password.submitting')}>{t('password.submit')}</SubmitButton>
          <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
            {common('cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
