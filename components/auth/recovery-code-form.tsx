'use client';
import { useActionState } from 'react';
import { verifyRecoveryCode } from '@/app/(auth)/login/verify/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

export function RecoveryCodeForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(verifyRecoveryCode, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Recovery code"
        name="recoveryCode"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        maxLength={32}
        required
        autoFocus
        spellCheck={false}
        hint="Enter one code from the list you saved when you enabled 2FA, for example 7KQ2M-XH4PD."
        errors={state.fieldErrors?.recoveryCode}
        className="[&_input]:text-center [&_input]:font-mono [&_input]:text-xl [&_input]:uppercase [&_input]:tracking-[0.2em]"
      />
      <RememberBrowserCheckbox />
      {state.message && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {state.message}
        </p>
      )}
      <SubmitButton className="w-full" pendingLabel="Verifying…">
        Verify
      </SubmitButton>
    </form>
  );
}
