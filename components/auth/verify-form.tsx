'use client';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import { useFormPost } from '@/lib/forms/use-form-post';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

/** Where the form posts: a route handler, not a server action (decision 0019). */
export const CODE_STEP_URL = '/login/verify/code';

/**
 * The app's code at the login's second step. A plain form: without JavaScript the browser posts
 * it and follows the answer (the page again with the refusal, or where the user was going). With
 * JavaScript the same post goes through fetch and a refusal is shown in place, the typed
 * "remember this browser" choice untouched; once signed in, the next page loads in full (the
 * signed-in layout, in the user's own language).
 */
export function VerifyForm({ callbackUrl, rememberDays, initialState }: { callbackUrl: string; rememberDays: number; initialState: FormState }) {
  const t = useTranslations('verify');
  const { state, posting, submit } = useFormPost(CODE_STEP_URL, initialState, (form, refusal) => {
    const code = form.elements.namedItem('code');
    if (code instanceof HTMLInputElement) {
      code.value = '';
      code.focus();
    }
    return refusal;
  });

  return (
    <form method="post" action={CODE_STEP_URL} onSubmit={submit} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label={t('codeLabel')}
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={12}
        required
        autoFocus
        spellCheck={false}
        hint={t('codeHint')}
        errors={state.fieldErrors?.code}
        className="[&_input]:text-center [&_input]:font-mono [&_input]:text-2xl [&_input]:tracking-[0.3em]"
      />
      <RememberBrowserCheckbox days={rememberDays} checked={state.values?.rememberBrowser === 'on'} />
      {state.message && (
        <p className="text-sm text-slate-700" aria-live="polite">
          {state.message}
        </p>
      )}
      <SubmitButton className="w-full" pendingLabel={t('submitting')} pending={posting}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
