'use client';
import { useActionState } from 'react';
import { logIn } from '@/app/(auth)/login/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(logIn, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="username"
        required
        maxLength={EMAIL_MAX_LENGTH}
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        key={`email-${state.values?.email ?? ''}`}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        errors={state.fieldErrors?.password}
      />
      <SubmitButton className="w-full" pendingLabel="Logging in…">
        Log in
      </SubmitButton>
    </form>
  );
}
