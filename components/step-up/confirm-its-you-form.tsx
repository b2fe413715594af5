'use client';
import { useActionState, useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { confirmItsYou } from '@/app/(app)/confirm/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { STEP_UP_WINDOW_MS } from '@/lib/auth/limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';

type Method = 'totp' | 'recovery_code';
type Props = {
  /** The /confirm page (no JavaScript needed): where a pass goes back to. Absent in a page's inline step. */
  next?: string;
  method?: Method;
};

const WINDOW_MINUTES = Math.round(STEP_UP_WINDOW_MS / 60_000);

/**
 * "Confirm it's you" (S25): the app's code, or a recovery code instead. A third method (a
 * security key) is one more value of Method with its own fields and action.
 */
export function ConfirmItsYouForm({ next, method: initialMethod = 'totp' }: Props) {
  const t = useTranslations('stepUp');
  const [method, setMethod] = useState<Method>(initialMethod);
  const [state, action] = useActionState(confirmItsYou, initialFormState);
  const other: Method = method === 'totp' ? 'recovery_code' : 'totp';
  const switchLabel = method === 'totp' ? t('useRecoveryCode') : t('useAppCode');

  if (state.ok) {
    return (
      <Notice tone="success" title={state.message}>
        {t('confirmedFor', { minutes: WINDOW_MINUTES })}
      </Notice>
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
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t('submitting')}>{t('submit')}</SubmitButton>
          {next ? (
            <Link href={`/confirm?next=${encodeURIComponent(next)}&method=${other}`} className="text-sm font-medium text-slate-700 underline">
              {switchLabel}
            </Link>
          ) : (
            <button type="button" onClick={() => setMethod(other)} className="text-sm font-medium text-slate-700 underline">
              {switchLabel}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
