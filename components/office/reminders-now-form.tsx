'use client';
import { useTranslations } from 'next-intl';
import { sendReminderNow } from '@/app/(app)/office/reminders/actions';
import { ConfirmStep } from './confirm-step';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

/**
 * "Send a reminder now": the first click shows how many get it, the second sends (as the
 * requirement's preview and confirm). `nextAt`: when it can be used again, already worded; the
 * answer of a send stays shown when the page is refreshed after it.
 */
export function RemindersNowForm({ nextAt }: { nextAt: string | null }) {
  const t = useTranslations('reminders.office');
  const tc = useTranslations('common');
  const { state, action, formProps, marker, panel } = useStepUpForm(sendReminderNow, initialFormState);
  const confirming = !!state.fieldErrors?.confirm;

  return (
    <>
      <form action={action} {...formProps} className="space-y-4" noValidate>
        {marker}
        {confirming ? (
          <ConfirmStep message={state.message} confirmLabel={t('confirm')} cancelLabel={tc('cancel')} testId="reminders-preview" />
        ) : (
          <>
            {state.message && (
              <p className="text-sm text-slate-700" aria-live="polite" data-testid="reminders-result">
                {state.message}
              </p>
            )}
            {!state.ok &&
              (nextAt ? (
                <p className="text-sm text-slate-700" data-testid="reminders-next">
                  {nextAt}
                </p>
              ) : (
                <SubmitButton pendingLabel={t('sending')}>{t('send')}</SubmitButton>
              ))}
          </>
        )}
      </form>
      {panel}
    </>
  );
}
