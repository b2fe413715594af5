'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveRememberBrowserDays } from '@/app/(app)/office/remember-browser/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';

export function RememberBrowserForm({ days, maxDays }: { days: number; maxDays: number }) {
  const t = useTranslations('rememberBrowser.office');
  const [state, action] = useActionState(saveRememberBrowserDays, initialFormState);
  const value = state.values?.rememberBrowserDays ?? String(days);
  return (
    <form action={action} className="space-y-5" noValidate key={value}>
      <TextField
        label={t('label')}
        name="rememberBrowserDays"
        type="number"
        inputMode="numeric"
        min={0}
        max={maxDays}
        defaultValue={value}
        hint={t('hint', { max: maxDays })}
        errors={state.fieldErrors?.rememberBrowserDays}
        className="max-w-xs"
      />
      {state.message && (
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="remember-browser-saved">
          {state.message}
        </p>
      )}
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
