'use client';
import { useTranslations } from 'next-intl';

/**
 * "Don't ask for a code on this browser" on the code step (S18). Unticked by default: a shared
 * computer must not be remembered by accident. The server decides the days (the office's setting).
 */
export function RememberBrowserCheckbox({ days, checked = false }: { days: number; checked?: boolean }) {
  const t = useTranslations('rememberBrowser.verify');
  // The office turned it off (0 days): nothing to offer.
  if (days === 0) return null;
  return (
    <div className="flex items-start gap-3">
      <input
        id="rememberBrowser"
        name="rememberBrowser"
        type="checkbox"
        // React resets a form after its action: the answer carries the choice back (`checked`), so a wrong code does not untick it.
        key={String(checked)}
        defaultChecked={checked}
        aria-describedby="rememberBrowser-hint"
        className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
      />
      <div>
        <label htmlFor="rememberBrowser" className="text-sm font-medium text-slate-900">
          {t('checkbox', { days })}
        </label>
        <p id="rememberBrowser-hint" className="text-xs text-slate-600">
          {t('checkboxHint')}
        </p>
      </div>
    </div>
  );
}
