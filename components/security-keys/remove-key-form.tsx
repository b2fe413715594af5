'use client';
import { removeKey } from '@/app/(app)/settings/2fa/security-keys/actions';
import { useTranslations } from 'next-intl';
import { initialFormState } from '@/lib/forms/form-state';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';
import { PasswordAgainFields } from '@/components/two-factor/password-again-fields';

/** Remove a key with the account password, as Disable 2FA asks it (S5); the action returns to Manage 2FA. */
export function RemoveKeyForm({ keyId }: { keyId: string }) {
  const t = useTranslations('securityKeys.remove');
  const { state, action, formProps, marker, panel } = useStepUpForm(removeKey, initialFormState);
  return (
    <>
      <form action={action} {...formProps} className="space-y-5" noValidate>
        {marker}
        <input type="hidden" name="keyId" value={keyId} />
        <PasswordAgainFields state={state} t={t} variant="danger" />
      </form>
      {panel}
    </>
  );
}
