'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { generateRecoveryCodes } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

export function RegenerateRecoveryCodesForm({ accountEmail, appName }: { accountEmail: string; appName: string }) {
  const { state, action, formProps, marker, panel } = useStepUpForm(generateRecoveryCodes, initialFormState);
  const t = useTranslations('recoveryCodes');
  const common = useTranslations('common');
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
    <>
      <form action={action} {...formProps} className="space-y-5" noValidate>
        {marker}
        {state.message && <Notice tone="error">{state.message}</Notice>}
        <CurrentPasswordField label={t('form.passwordLabel')} hint={t('form.passwordHint')} errors={state.fieldErrors?.password} className="max-w-sm" />
        <div className="flex items-center gap-3">
          <SubmitButton pendingLabel={t('form.submitting')}>{t('form.submit')}</SubmitButton>
          <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
            {common('cancel')}
          </Link>
        </div>
      </form>
      {panel}
    </>
  );
}
