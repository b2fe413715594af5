'use client';
import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { startKeyLogin, verifyKeyLogin } from '@/app/(auth)/login/verify/key-actions';
import { initialFormState } from '@/lib/forms/form-state';
import { buttonClass } from '@/components/ui/button-class';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';
import { promptProblem } from '@/components/security-keys/prompt-problem';
import { useHydrated } from '@/components/security-keys/use-hydrated';

/**
 * "Use your security key" (S24): the server's challenge for this pending login, the browser's
 * prompt, then the answer to the server; started on load when `autoStart`, and again with the
 * button after a closed prompt or a refusal. "Remember this browser" is read from the form, as
 * the code form sends it.
 */
export function KeyLoginForm({ callbackUrl, autoStart }: { callbackUrl: string; autoStart: boolean }) {
  const t = useTranslations('securityKeys.login');
  const errors = useTranslations('securityKeys.errors');
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const started = useRef(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [state, verify, verifying] = useActionState(verifyKeyLogin, initialFormState);

  async function promptForKey() {
    setBusy(true);
    setProblem(null);
    try {
      const prompt = await startKeyLogin(initialFormState, new FormData());
      if (!prompt.options) {
        setProblem(prompt.message ?? t('notAccepted'));
        return;
      }
      const answer = await startAuthentication({ optionsJSON: prompt.options });
      const data = new FormData(form.current ?? undefined);
      data.set('response', JSON.stringify(answer));
      startTransition(() => verify(data));
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

  // Without JavaScript there is no WebAuthn: a sentence, and the other methods below.
  if (!hydrated) return <p className="text-sm text-slate-700">{t('needsJavaScript')}</p>;
  if (!browserSupportsWebAuthn()) return <p className="text-sm text-slate-700">{errors('notSupported')}</p>;
  const message = problem ?? state.message;
  const waiting = busy || verifying;
  return (
    <form ref={form} className="space-y-5" onSubmit={(event) => event.preventDefault()}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <RememberBrowserCheckbox />
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
