'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

/** Where the form posts: a route handler, not a server action (decision 0019). */
export const CODE_STEP_URL = '/login/verify/code';

type Answer = { to: string } | { state: FormState };

/**
 * The app's code at the login's second step. A plain form: without JavaScript the browser posts
 * it and follows the answer (the page again with the refusal, or where the user was going). With
 * JavaScript the same post goes through fetch and a refusal is shown in place, the typed
 * "remember this browser" choice untouched; once signed in, the next page loads in full (the
 * signed-in layout, in the user's own language).
 */
export function VerifyForm({ callbackUrl, rememberDays, initialState }: { callbackUrl: string; rememberDays: number; initialState: FormState }) {
  const t = useTranslations('verify');
  const errors = useTranslations('errors');
  const [state, setState] = useState(initialState);
  const [posting, setPosting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (posting) return;
    const form = event.currentTarget;
    setPosting(true);
    let answer: Answer | null = null;
    try {
      const response = await fetch(CODE_STEP_URL, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])),
      });
      answer = (await response.json()) as Answer;
    } catch {
      // The network or the server failed before answering: say so, keep what was typed.
    }
    if (answer && 'to' in answer) {
      window.location.assign(answer.to);
      return;
    }
    setState(answer?.state ?? { message: errors('tryAgainLater') });
    const code = form.elements.namedItem('code');
    if (code instanceof HTMLInputElement) {
      code.value = '';
      code.focus();
    }
    setPosting(false);
  }

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
