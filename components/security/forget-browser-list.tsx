'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { forgetBrowser } from '@/app/(app)/settings/security/remembered-browsers/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';

type Item = { id: string; description: string; lastUsed: string; until: string };

/** The rows of the remembered browsers, one Forget form each; the answer of the last one is announced. */
export function ForgetBrowserList({ items }: { items: Item[] }) {
  const t = useTranslations('rememberBrowser.security');
  const [state, action] = useActionState(forgetBrowser, initialFormState);
  return (
    <>
      {state.message && (
        <p className="mt-3 text-sm text-slate-700" aria-live="polite" data-testid="forget-browser-message">
          {state.message}
        </p>
      )}
      {items.length > 0 && (
        <ul className="mt-4 divide-y divide-slate-200" data-testid="remembered-browsers">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="text-sm font-medium text-slate-900">{item.description}</p>
                <p className="text-xs text-slate-600">
                  {item.lastUsed} · {item.until}
                </p>
              </div>
              <form action={action}>
                <input type="hidden" name="id" value={item.id} />
                <SubmitButton variant="secondary" pendingLabel={t('forgetting')}>
                  {t('forget')}
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
