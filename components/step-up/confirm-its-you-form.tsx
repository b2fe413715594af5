'use client';
import { useActionState, useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { confirmItsYou, confirmItsYouWithKey, startKeyConfirm } from '@/app/(app)/confirm/actions';
import { initialFormState, type FormState, type StepUpMethods } from '@/lib/forms/form-state';
import { STEP_UP_WINDOW_MS } from '@/lib/auth/limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { KeyPromptForm } from '@/components/security-keys/key-prompt-form';

export type Method = 'security_key' | 'totp' | 'recovery_code';
type Props = {
  /** The /confirm page (no JavaScript needed): where a pass goes back to. Absent in a page's inline step. */
  next?: string;
  method?: Method;
  /** The user's second factors (recovery codes always); unknown: the app's code first. */
  methods?: StepUpMethods;
};

/** The method a check starts with: a key where the user has one (no phone needed), else the app. */
export function firstMethod(methods: StepUpMethods | undefined): Method {
  return methods?.key ? 'security_key' : 'totp';
}

const WINDOW_MINUTES = Math.round(STEP_UP_WINDOW_MS / 60_000);

/**
 * "Confirm it's you" (S25): a security key, the app's code, or a recovery code instead; each
 * method its own fields and action, the others offered as links (no JavaScript: /confirm?method=).
 */
export function ConfirmItsYouForm({ next, method: initialMethod, methods }: Props) {
  const t = useTranslations('stepUp');
  const usable = (m: Method) => m === 'recovery_code' || (m === 'security_key' ? !!methods?.key : (methods?.app ?? true));
  const [method, setMethod] = useState<Method>(initialMethod && usable(initialMethod) ? initialMethod : firstMethod(methods));
  const [state, action] = useActionState(confirmItsYou, initialFormState);
  const others = (['security_key', 'totp', 'recovery_code'] as const).filter((m) => m !== method && usable(m));
  const switchLabels: Record<Method, string> = { security_key: t('useKey'), totp: t('useAppCode'), recovery_code: t('useRecoveryCode') };
  const confirmed = (answer: FormState) => (
    <Notice tone="success" title={answer.message}>
      {t('confirmedFor', { minutes: WINDOW_MINUTES })}
    </Notice>
  );
  const switches = (
    <div className="flex flex-wrap items-center gap-4">
      {others.map((other) =>
        next ? (
          <Link key={other} href={`/confirm?next=${encodeURIComponent(next)}&method=${other}`} className="text-sm font-medium text-slate-700 underline">
            {switchLabels[other]}
          </Link>
        ) : (
          <button key={other} type="button" onClick={() => setMethod(other)} className="text-sm font-medium text-slate-700 underline">
            {switchLabels[other]}
          </button>
        ),
      )}
    </div>
  );

  if (state.ok) return confirmed(state);
  if (method === 'security_key') {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t('introKey')}</p>
        <KeyPromptForm start={startKeyConfirm} verify={confirmItsYouWithKey} autoStart={false} done={confirmed}>
          {next && <input type="hidden" name="next" value={next} />}
        </KeyPromptForm>
        {switches}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{method === 'totp' ? t('intro', { minutes: WINDOW_MINUTES }) : t('introRecovery')}</p>
      <form action={action} className="space-y-4" noValidate>
        {state.message && <Notice tone={state.stepUp ? 'warning' : 'error'}>{state.message}</Notice>}
        <input type="hidden" name="method" value={method} />
        {next && <input type="hidden" name="next" value={next} />}
        {method === 'totp' ? (
          <TextField
            label={t('codeLabel')}
            name="code"
            id="step-up-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            required
            autoFocus
            spellCheck={false}
            errors={state.fieldErrors?.code}
            className="max-w-xs"
          />
        ) : (
          <TextField
            label={t('recoveryCodeLabel')}
            name="recoveryCode"
            id="step-up-recovery-code"
            autoComplete="off"
            maxLength={40}
            required
            autoFocus
            spellCheck={false}
            errors={state.fieldErrors?.recoveryCode}
            className="max-w-xs"
          />
        )}
        <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
      </form>
      {switches}
    </div>
  );
}
