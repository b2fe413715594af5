'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { saveLanguagePreferences } from '@/app/(app)/settings/account/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { dateFormat } from '@/lib/format';
import { LOCALE_LABELS, LOCALES, type Locale } from '@/lib/i18n/locale';
import type { TimeZoneChoices } from '@/lib/account/time-zone-choices';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';

type Props = {
  locale: Locale;
  timeZone: string;
  choices: TimeZoneChoices;
  /** The moment the example shows, and how the server wrote it in the current zone. */
  exampleAt: number;
  example: string;
};

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((error) => (
        <p key={error} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      ))}
    </div>
  );
}

/**
 * Language and time zone. Each language is named in its own language (and marked so, for
 * screen readers); the example under the time zone follows the choice before saving.
 */
export function LanguagePreferencesForm({ locale, timeZone, choices, exampleAt, example }: Props) {
  const t = useTranslations('account');
  const [state, action] = useActionState(saveLanguagePreferences, initialFormState);
  const values = state.values ?? { locale, timeZone };
  // The server's rendering until the select changes: the browser's Intl may name a zone differently, which would not hydrate.
  const [shown, setShown] = useState(example);
  const localeErrors = state.fieldErrors?.locale;
  const zoneErrors = state.fieldErrors?.timeZone;

  return (
    <form action={action} className="space-y-6" noValidate key={JSON.stringify(values)}>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <fieldset aria-describedby={localeErrors?.length ? 'locale-error' : undefined}>
        <legend className="block text-sm font-medium text-slate-800">{t('languageLegend')}</legend>
        <div className="mt-2 space-y-2">
          {LOCALES.map((option) => (
            <label key={option} className="flex items-center gap-3">
              <input type="radio" name="locale" value={option} defaultChecked={values.locale === option} className="h-4 w-4 border-slate-300" />
              <span lang={option}>{LOCALE_LABELS[option].name}</span>
            </label>
          ))}
        </div>
        <FieldErrors id="locale-error" errors={localeErrors} />
      </fieldset>
      <div>
        <label htmlFor="timeZone" className="block text-sm font-medium text-slate-800">
          {t('timeZoneLabel')}
        </label>
        <p id="timeZone-hint" className="mt-1 text-sm text-slate-600">
          {t('timeZoneHint', { example: shown })}
        </p>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={values.timeZone}
          onChange={(event) => setShown(dateFormat({ locale, timeZone: event.target.value }).dateTimeWithZone(new Date(exampleAt)))}
          aria-invalid={zoneErrors?.length ? true : undefined}
          aria-describedby={['timeZone-hint', zoneErrors?.length ? 'timeZone-error' : ''].filter(Boolean).join(' ')}
          className={`mt-1.5 block w-full max-w-md rounded-md border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:ring-inset focus:ring-brand-600 ${
            zoneErrors?.length ? 'ring-red-600' : 'ring-slate-300'
          }`}
        >
          {choices.first.map(({ zone, label }) => (
            <option key={zone} value={zone}>
              {label}
            </option>
          ))}
          {choices.groups.map((group) => (
            <optgroup key={group.region} label={t(`regions.${group.region}`)}>
              {group.zones.map(({ zone, label }) => (
                <option key={zone} value={zone}>
                  {label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldErrors id="timeZone-error" errors={zoneErrors} />
      </div>
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
