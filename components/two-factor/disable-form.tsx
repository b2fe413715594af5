'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { turnOffTwoFactor } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { TwoFactorDisabledNotice } from './two-factor-disabled-notice';

export function DisableForm() {
  const [state, action] = useActionState(turnOffTwoFactor, initialFormState);
  if (state.ok) return <TwoFactorDisabledNotice />;
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        hint="To confirm that it is you, enter the password of your account."
        errors={state.fieldErrors?.password}
        className="max-w-sm"
      />
      <div className="flex items-center gap-3">
        <SubmitButton variant="danger" pendingLabel="Disabling…">
          Disable 2FA
        </SubmitButton>
        <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
