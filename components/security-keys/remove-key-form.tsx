'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { removeKey } from '@/app/(app)/settings/2fa/security-keys/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

/** Remove a key with the account password, as Disable 2FA asks it (S5); the action returns to Manage 2FA. */
export function RemoveKeyForm({ keyId }: { keyId: string }) {
  const t = useTranslations('securityKeys.remove');
  const common = useTranslations('common');
  const { state, action, formProps, marker, panel } = useStepUpForm(removeKey, initialFormState);
  return (
    <>
      <form action={action} {...formProps} className="space-y-5" noValidate>
        {marker}
        {state.message && <Notice tone="error">{state.message}</Notice>}
        <input type="hidden" name="keyId" value={keyId} />
        <CurrentPasswordField label={t('passwordLabel')} hint={t('passwordHint')} errors={state.fieldErrors?.password} className="max-w-sm" />
        <div className="flex items-center gap-3">
          <SubmitButton variant="danger" pendingLabel={t('submitting')}>
            {t('submit')}
          </SubmitButton>
          <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
            {common('cancel')}
          </Link>
        </div>
      </form>
      {panel}
    </>
  );
}
