'use client';
import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { initialFormState, type FormState } from '@/lib/forms/form-state';
import { buttonClass } from '@/components/ui/button-class';
import { promptProblem } from './prompt-problem';
import { useHydrated } from '@/components/ui/use-hydrated';

type PromptState = FormState & { options?: PublicKeyCredentialRequestOptionsJSON };

type Props = {
  /** The server's challenge for this session (the login's pending one, or a signed-in one for "Confirm it's you"). */
  start: (prev: PromptState, formData: FormData) => Promise<PromptState>;
  /** Checks the browser's answer (sent as `response`, with the form's own fields). */
  verify: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** Opens the browser's prompt once on load (the login, where the key is the method the user chose). */
  autoStart: boolean;
  /** What to show once `verify` answers ok (an action that redirects never gets here). */
  done?: (state: FormState) => ReactNode;
  /** The form's own fields, sent with the answer. */
  children?: ReactNode;
};

/**
 * "Use your security key" (S24): the server's challenge, the browser's prompt, then the answer
 * to the server; again with the button after a closed prompt or a refusal. Without JavaScript
 * there is no WebAuthn: a sentence instead, and the page's other methods.
 */
export function KeyPromptForm({ start, verify, autoStart, done, children }: Props) {
  const t = useTranslations('securityKeys.login');
  const errors = useTranslations('securityKeys.errors');
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, verifyAnswer, verifying] = useActionState(verify, initialFormState);

  async function promptForKey() {
    setBusy(true);
    setProblem(null);
    try {
      const prompt = await start(initialFormState, new FormData());
      if (!prompt.options) {
        setProblem(prompt.message ?? t('notAccepted'));
        return;
      }
      const answer = await startAuthentication({ optionsJSON: prompt.options });
      const data = new FormData(form.current ?? undefined);
      data.set('response', JSON.stringify(answer));
      startTransition(() => verifyAnswer(data));
    } catch (error) {
      setProblem(promptProblem(error, errors));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!autoStart || started.current || !hydrated || !browserSupportsWebAuthn()) return;
    started.current = true;
    void promptForKey();
    // Once, on the first render in the browser: a closed prompt is not reopened by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoStart, hydrated]);

  if (!hydrated) return <p className="text-sm text-slate-700">{t('needsJavaScript')}</p>;
  if (!browserSupportsWebAuthn()) return <p className="text-sm text-slate-700">{errors('notSupported')}</p>;
  if (state.ok && done) return done(state);
  const message = problem ?? state.message;
  const waiting = busy || verifying;
  return (
    <form ref={form} className="space-y-5" onSubmit={(event) => event.preventDefault()}>
      {children}
      {message && (
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="key-login-message">
          {message}
        </p>
      )}
      <button type="button" onClick={() => void promptForKey()} disabled={waiting} aria-disabled={waiting} className={`${buttonClass('primary')} w-full`}>
        {waiting ? t('waiting') : message ? t('tryAgain') : t('use')}
      </button>
    </form>
  );
}
