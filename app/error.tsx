'use client';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button-class';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { REFUSAL_HEADINGS } from '@/lib/forms/request-refusals';

/**
 * Shown when a page fails on the server. Never the error's text: it may say more than a user
 * should read. The exceptions, compared whole: the fixed texts proxy.ts refuses a form with
 * (too large, unreadable, from another site), which the React client makes the error's message.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors.generic');
  if (Object.hasOwn(REFUSAL_HEADINGS, error.message)) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <Card>
          <h1 className="text-xl font-semibold">{REFUSAL_HEADINGS[error.message]}</h1>
          <p className="mt-2 text-slate-700">{error.message}</p>
          <button type="button" onClick={reset} className={`mt-6 ${buttonClass('primary')}`}>
            Back to the form
          </button>
        </Card>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <LanguageSwitcher className="mb-4 flex justify-end" />
      <Card>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('body')}</p>
        <button type="button" onClick={reset} className={`mt-6 ${buttonClass('primary')}`}>
          {t('retry')}
        </button>
      </Card>
    </main>
  );
}
