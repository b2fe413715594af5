'use client';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import { useFormPost } from '@/lib/forms/use-form-post';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField, EmailField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';

/** Where the form posts: a route handler, not a server action (decision 0020). */
export const PASSWORD_STEP_URL = '/login/password';

/**
 * The login form. Without JavaScript the browser posts it and follows the answer (the code step,
 * where the user was going, or this page again with the refusal). With JavaScript the same post
 * goes through fetch and a refusal is shown in place, the typed address untouched, the password
 * emptied and the field to correct focused; once past the password, the next page loads in full.
 */
export function LoginForm({ callbackUrl, initialState }: { callbackUrl: string; initialState: FormState }) {
  const t = useTranslations('login');
  const { state, posting, submit } = useFormPost(PASSWORD_STEP_URL, initialState, (form, refusal) => {
    const password = form.elements.namedItem('password');
    if (password instanceof HTMLInputElement) password.value = '';
    const toCorrect = form.elements.namedItem(refusal.fieldErrors?.email ? 'email' : 'password');
    if (toCorrect instanceof HTMLInputElement) toCorrect.focus();
    // The address field keeps what the user typed (its key, and so its content, stays that of the first render).
    return { ...refusal, values: initialState.values };
  });

  return (
    <form method="post" action={PASSWORD_STEP_URL} onSubmit={submit} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField label={t('emailLabel')} defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <CurrentPasswordField label={t('passwordLabel')} errors={state.fieldErrors?.password} />
      <SubmitButton className="w-full" pendingLabel={t('submitting')} pending={posting}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
