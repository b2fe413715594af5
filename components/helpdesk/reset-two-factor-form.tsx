'use client';
import { useTranslations } from 'next-intl';
import { resetUserTwoFactor } from '@/app/(app)/helpdesk/users/[id]/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { IDENTITY_CHECK_IDS, MIN_IDENTITY_CHECKS } from '@/lib/helpdesk/identity-checks';
import { REASON_MAX_LENGTH, TICKET_MAX_LENGTH } from '@/lib/helpdesk/request-limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

type Props = { user: { id: string; name: string; email: string } };

/**
 * Reset 2FA: record which identity checks passed, a ticket and a reason; then a second click
 * on a button that names the user. The server refuses the reset without that confirmation.
 */
export function ResetTwoFactorForm({ user }: Props) {
  const t = useTranslations('helpdesk');
  const tCommon = useTranslations('common');
  const { state, action, formProps, marker, panel } = useStepUpForm(resetUserTwoFactor, initialFormState);
  if (state.ok) return <Notice tone="success">{state.message}</Notice>;
  const confirming = !!state.fieldErrors?.confirm;
  const values = state.values ?? {};
  const checked = new Set((values.checks ?? '').split(',').filter(Boolean));

  return (
    <>
      <form key={JSON.stringify(values)} action={action} {...formProps} className="space-y-5" noValidate>
        {marker}
        {state.message && <Notice tone="error">{state.message}</Notice>}
        <input type="hidden" name="userId" value={user.id} />
        <fieldset aria-describedby={state.fieldErrors?.checks ? 'checks-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('forms.checksLegend', { count: MIN_IDENTITY_CHECKS })}</legend>
          <div className="mt-2 space-y-2">
            {IDENTITY_CHECK_IDS.map((id) => (
              <label key={id} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="checks" value={id} defaultChecked={checked.has(id)} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
                {t(`identityChecks.${id}`)}
              </label>
            ))}
          </div>
          <div id="checks-error" aria-live="polite">
            {state.fieldErrors?.checks?.map((error) => (
              <p key={error} className="mt-1.5 text-sm text-red-700">
                {error}
              </p>
            ))}
          </div>
        </fieldset>
        <TextField
          label={t('forms.ticket')}
          name="ticket"
          maxLength={TICKET_MAX_LENGTH}
          required
          defaultValue={values.ticket}
          errors={state.fieldErrors?.ticket}
          className="max-w-xs"
        />
        <div>
          <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
            {t('forms.reason')}
          </label>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            required
            defaultValue={values.reason}
            aria-describedby={state.fieldErrors?.reason ? 'reason-error' : undefined}
            className="mt-1.5 block w-full rounded-md border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
          />
          <div id="reason-error" aria-live="polite">
            {state.fieldErrors?.reason?.map((error) => (
              <p key={error} className="mt-1.5 text-sm text-red-700">
                {error}
              </p>
            ))}
          </div>
        </div>
        {confirming ? (
          <div className="rounded-md bg-amber-50 p-4 ring-1 ring-inset ring-amber-200">
            <p className="text-sm text-amber-900">
              {t.rich('forms.confirmText', { name: user.name, email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <button
                type="submit"
                name="confirm"
                value={user.id}
                className="inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-red-800"
              >
                {t('forms.confirmButton', { name: user.name })}
              </button>
              <a href={`/helpdesk/users/${user.id}`} className="text-sm font-medium text-slate-700 underline">
                {tCommon('cancel')}
              </a>
            </div>
          </div>
        ) : (
          <SubmitButton variant="danger">{t('forms.resetSubmit')}</SubmitButton>
        )}
      </form>
      {panel}
    </>
  );
}
