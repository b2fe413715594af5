'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { finishEnrolment } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { buttonClass } from '@/components/ui/button-class';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/**
 * `alreadyEnabled`: 2FA is on. Just after this form turned it on, the answer (with the new
 * recovery codes) is shown; at any later visit, only that it is on.
 */
export function ConfirmEnrolmentForm({ accountEmail, appName, alreadyEnabled }: { accountEmail: string; appName: string; alreadyEnabled: boolean }) {
  const [state, action] = useActionState(finishEnrolment, initialFormState);
  const t = useTranslations('enable2fa');
  const common = useTranslations('common');
  // Added beside security keys, the app brings no new recovery codes (the answer has none).
  if ((alreadyEnabled && !state.ok) || (state.ok && !state.recoveryCodes?.length)) {
    return (
      <div className="space-y-6">
        <Notice tone="success">{t('done.title')}</Notice>
        <Link href="/settings/2fa" className={buttonClass('primary')}>
          {common('close')}
        </Link>
      </div>
    );
  }
  if (state.ok) {
    return (
      <div className="space-y-6">
        <Notice tone="success" title={t('done.title')}>
          {t('done.body')}
        </Notice>
        <RecoveryCodesPanel codes={state.recoveryCodes ?? []} accountEmail={accountEmail} appName={appName} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <TextField
        label={t('confirm.codeLabel')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        required
        autoFocus
        hint={t('confirm.codeHint')}
        errors={state.fieldErrors?.code}
        className="max-w-xs [&_input]:font-mono [&_input]:text-xl [&_input]:tracking-[0.3em]"
      />
      <div className="flex items-center justify-between gap-3">
        <Link href="/settings/2fa/enable" className="text-sm font-medium text-slate-600 underline">
          {t('confirm.back')}
        </Link>
        <SubmitButton pendingLabel={t('confirm.submitting')}>{t('confirm.submit')}</SubmitButton>
      </div>
    </form>
  );
}
