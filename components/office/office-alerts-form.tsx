'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveOfficeAlertPreference } from '@/app/(app)/office/alerts/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';

/** A plain form posting to a server action: it also works without JavaScript. */
export function OfficeAlertsForm({ on }: { on: boolean }) {
  const t = useTranslations('officeAlerts.form');
  const [state, action] = useActionState(saveOfficeAlertPreference, initialFormState);
  const checked = state.values?.alerts ? state.values.alerts === 'on' : on;
  return (
    <form action={action} className="space-y-5" key={String(checked)}>
      <label className="flex items-start gap-3 text-sm text-slate-900">
        <input type="checkbox" name="alerts" value="on" defaultChecked={checked} className="mt-0.5 h-4 w-4 rounded border-slate-300" />
        <span>{t('label')}</span>
      </label>
      {state.message && (
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="office-alerts-saved">
          {state.message}
        </p>
      )}
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
