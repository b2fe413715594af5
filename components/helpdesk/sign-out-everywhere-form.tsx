'use client';
import { useTranslations } from 'next-intl';
import { signOutUserEverywhere } from '@/app/(app)/helpdesk/users/[id]/sign-out-everywhere-actions';
import { initialFormState } from '@/lib/forms/form-state';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { TicketReasonFields } from './ticket-reason-fields';
import { Notice } from '@/components/ui/notice';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

/** The helpdesk's "Sign out everywhere" for one user (S20), with the ticket and reason every helpdesk change needs. */
export function SignOutEverywhereForm({ userId }: { userId: string }) {
  const t = useTranslations('sessions.helpdesk');
  const { state, action, formProps, marker, panel } = useStepUpForm(signOutUserEverywhere, initialFormState);
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      <div className="mt-5">
        {state.ok ? (
          <Notice tone="success">{state.message}</Notice>
        ) : (
          <>
            <form action={action} {...formProps} className="space-y-4" noValidate>
              {marker}
              {state.message && <Notice tone="error">{state.message}</Notice>}
              <input type="hidden" name="userId" value={userId} />
              <TicketReasonFields idPrefix="sign-out-everywhere" labels={{ ticket: t('ticket'), reason: t('reason') }} state={state} />
              <SubmitButton variant="secondary" pendingLabel={t('pending')}>
                {t('submit')}
              </SubmitButton>
            </form>
            {panel}
          </>
        )}
      </div>
    </Card>
  );
}
