'use client';
import { useTranslations } from 'next-intl';
import { unlockUserAccount } from '@/app/(app)/helpdesk/users/[id]/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TicketReasonFields } from './ticket-reason-fields';
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
        <TicketReasonFields idPrefix="unlock" labels={{ ticket: t('ticket'), reason: t('reason') }} state={state} />
        <SubmitButton variant="secondary">{t('unlockSubmit')}</SubmitButton>
      </form>
      {panel}
    </>
  );
}
