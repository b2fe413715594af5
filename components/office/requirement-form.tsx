'use client';
import { useTranslations } from 'next-intl';
import { saveTwoFactorRequirement } from '@/app/(app)/office/actions';
import { ConfirmStep } from './confirm-step';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useStepUpForm } from '@/components/step-up/use-step-up-form';

type Props = { required: boolean; graceDays: number; maxGraceDays: number };

/** The office's 2FA requirement. Turning it on shows who is affected and by when, then asks to confirm. */
export function RequirementForm({ required, graceDays, maxGraceDays }: Props) {
  const t = useTranslations('office.requirement');
  const tc = useTranslations('common');
  const { state, action, formProps, marker, panel } = useStepUpForm(saveTwoFactorRequirement, initialFormState);
  const confirming = !!state.fieldErrors?.confirm;
  const values = state.values ?? { required: required ? 'on' : 'off', graceDays: String(graceDays) };

  return (
    <>
      <form key={JSON.stringify(values)} action={action} {...formProps} className="space-y-5" noValidate>
        {marker}
        <label className="flex items-start gap-3">
          <input type="checkbox" name="required" defaultChecked={values.required === 'on'} className="mt-1 h-4 w-4 rounded border-slate-300" />
          <span>
            <span className="block font-medium text-slate-900">{t('requireLabel')}</span>
            <span className="block text-sm text-slate-600">{t('requireHint')}</span>
          </span>
        </label>
        <TextField
          label={t('graceLabel')}
          name="graceDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={maxGraceDays}
          defaultValue={values.graceDays}
          hint={t('graceHint')}
          errors={state.fieldErrors?.graceDays}
          className="max-w-[12rem]"
        />
        {confirming ? <ConfirmStep message={state.message} confirmLabel={t('confirm')} cancelLabel={tc('cancel')} /> : <SubmitButton>{t('save')}</SubmitButton>}
      </form>
      {panel}
    </>
  );
}
