'use client';
import { useActionState, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { prepareSecurityKey, saveSecurityKey } from '@/app/(app)/settings/2fa/security-keys/actions';
import { initialFormState, type FormState } from '@/lib/forms/form-state';
import { buttonClass } from '@/components/ui/button-class';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { RecoveryCodesPanel } from '@/components/two-factor/recovery-codes-panel';
import { promptProblem } from './prompt-problem';
import { useHydrated } from '@/components/ui/use-hydrated';

type Props = { accountEmail: string; appName: string; nameMaxLength: number };

/**
 * "Add a security key or passkey" (S24): the server's options, the browser's prompt, then a name
 * for the key; the server checks the answer against this session's challenge. As the first
 * method it turns 2FA on, and the recovery codes are shown here, once.
 */
export function AddSecurityKey({ accountEmail, appName, nameMaxLength }: Props) {
  const t = useTranslations('securityKeys.manage');
  const errors = useTranslations('securityKeys.errors');
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [response, setResponse] = useState<string | null>(null);
  // A key added next to others: the list above is the server's, so it is fetched again, and
  // the button is ready for one more key. (The first key's answer carries recovery codes.)
  const [state, save] = useActionState(async (prev: FormState, formData: FormData) => {
    const answer = await saveSecurityKey(prev, formData);
    if (answer.ok && !answer.recoveryCodes) {
      setResponse(null);
      router.refresh();
    }
    return answer;
  }, initialFormState);

  // Without JavaScript there is no WebAuthn: a sentence, never a button that does nothing.
  if (!hydrated) return <p className="text-sm text-slate-700">{t('needsJavaScript')}</p>;
  if (!browserSupportsWebAuthn()) return <Notice tone="info">{errors('notSupported')}</Notice>;
  if (state.ok && state.recoveryCodes) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{state.message}</Notice>
        <RecoveryCodesPanel codes={state.recoveryCodes} accountEmail={accountEmail} appName={appName} />
      </div>
    );
  }

  async function addKey() {
    setBusy(true);
    setProblem(null);
    try {
      const prepared = await prepareSecurityKey(initialFormState, new FormData());
      if (!prepared.options) {
        setProblem(prepared.message ?? errors('refused'));
        return;
      }
      const answer = await startRegistration({ optionsJSON: prepared.options });
      setResponse(JSON.stringify(answer));
    } catch (error) {
      setProblem(promptProblem(error, errors));
    } finally {
      setBusy(false);
    }
  }

  if (response) {
    return (
      <form action={save} className="space-y-4" noValidate>
        {!state.ok && state.message && <Notice tone="error">{state.message}</Notice>}
        <input type="hidden" name="response" value={response} />
        <TextField
          label={t('nameLabel')}
          name="name"
          type="text"
          required
          autoFocus
          autoComplete="off"
          maxLength={nameMaxLength}
          defaultValue={state.ok ? undefined : state.values?.name}
          hint={t('nameHint')}
          errors={state.fieldErrors?.name}
          className="max-w-sm"
        />
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </form>
    );
  }

  return (
    <div className="space-y-3">
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      <button type="button" onClick={() => void addKey()} disabled={busy} className={buttonClass('secondary')}>
        {busy ? t('waiting') : t('add')}
      </button>
    </div>
  );
}
