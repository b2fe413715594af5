'use client';
import { useActionState } from 'react';
import Link from 'next/link';
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
  if (alreadyEnabled && !state.ok) {
    return (
      <div className="space-y-6">
        <Notice tone="success">Two-factor authentication is enabled.</Notice>
        <Link href="/settings/2fa" className={buttonClass('primary')}>
          Close
        </Link>
      </div>
    );
  }
  if (state.ok) {
    return (
      <div className="space-y-6">
        <Notice tone="success" title="Two-factor authentication is enabled.">
          Your access to your data is now extra secure. When you next log in, first enter your e-mail address and password as always, then the 6-digit code from
          your authentication app.
        </Notice>
        <RecoveryCodesPanel codes={state.recoveryCodes ?? []} accountEmail={accountEmail} appName={appName} />
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <TextField
        label="Verification code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={12}
        required
        autoFocus
        hint="Enter the 6-digit code your authentication app now shows for this account."
        errors={state.fieldErrors?.code}
        className="max-w-xs [&_input]:font-mono [&_input]:text-xl [&_input]:tracking-[0.3em]"
      />
      <div className="flex items-center justify-between gap-3">
        <Link href="/settings/2fa/enable" className="text-sm font-medium text-slate-600 underline">
          Back to the QR code
        </Link>
        <SubmitButton pendingLabel="Enabling…">Enable 2FA</SubmitButton>
      </div>
    </form>
  );
}
