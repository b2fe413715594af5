'use client';
import { useActionState } from 'react';
import Link from 'next/link';
import { generateRecoveryCodes } from '@/app/(app)/settings/2fa/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { RecoveryCodesPanel } from './recovery-codes-panel';

export function RegenerateRecoveryCodesForm({ accountEmail, appName }: { accountEmail: string; appName: string }) {
  const [state, action] = useActionState(generateRecoveryCodes, initialFormState);
  if (state.ok) {
    return (
      <div className="space-y-6">
        <Notice tone="success" title="You have new recovery codes.">
          Your previous recovery codes no longer work.
        </Notice>
        <RecoveryCodesPanel codes={state.recoveryCodes ?? []} accountEmail={accountEmail} appName={appName} />
      </div>
    );
  }
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
        <SubmitButton pendingLabel="Generating…">Generate new recovery codes</SubmitButton>
        <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
