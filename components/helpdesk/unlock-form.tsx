'use client';
import { useTranslations } from 'next-intl';
import { unlockUserAccount } from '@/app/(app)/helpdesk/users/[id]/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { REASON_MAX_LENGTH, TICKET_MAX_LENGTH } from '@/lib/helpdesk/request-limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

export function UnlockForm({ userId }: { userId: string }) {
  const t = useTranslations('helpdesk.forms');
  const { state, action, formProps, marker, panel } = useStepUpForm(unlockUserAccount, initialFormState);
  if (state.ok) return <Notice tone="success">{state.message}</Notice>;
  return (
    <>
      <form action={action} {...formProps} className="space-y-4" noValidate>
        {marker}
        {state.message && <Notice tone="error">{state.message}</Notice>}
        <input type="hidden" name="userId" value={userId} />
        <TextField
          label={t('ticket')}
          name="ticket"
          id="unlock-ticket"
          maxLength={TICKET_MAX_LENGTH}
          required
          errors={state.fieldErrors?.ticket}
          className="max-w-xs"
        />
        <TextField label={t('reason')} name="reason" id="unlock-reason" maxLength={REASON_MAX_LENGTH} required errors={state.fieldErrors?.reason} />
        <SubmitButton variant="secondary">{t('unlockSubmit')}</SubmitButton>
      </form>
      {panel}
    </>
  );
}
