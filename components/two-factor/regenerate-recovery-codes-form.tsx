'use client';
import { useTranslations } from 'next-intl';
import { generateRecoveryCodes } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { Notice } from '@/components/ui/notice';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';
import { PasswordAgainFields } from './password-again-fields';

export function RegenerateRecoveryCodesForm({ accountEmail, appName }: { accountEmail: string; appName: string }) {
  const { state, action, formProps, marker, panel } = useStepUpForm(generateRecoveryCodes, initialFormState);
  const t = useTranslations('recoveryCodes');
  const form = useTranslations('recoveryCodes.form');
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
        <PasswordAgainFields state={state} t={form} />
      </form>
      {panel}
    </>
  );
}
