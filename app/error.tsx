'use client';
import { useTranslations } from 'next-intl';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button-class';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { refusalOf } from '@/lib/forms/request-refusals';

/**
 * Shown when a page fails on the server. Never the error's text: it may say more than a user
 * should read. The exception: a form proxy.ts refused (too large, unreadable, from another
 * site), which the React client makes the error's message; its first line names the refusal
 * (lib/forms/request-refusals.ts), and this page shows the catalogue's words for it in the
 * page's language, not the words that came with it.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors.generic');
  const refusals = useTranslations('errors.refusals');
  const refusal = refusalOf(error.message);
  if (refusal) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <Card>
          <h1 className="text-xl font-semibold">{refusals(`${refusal}.title`)}</h1>
          <p className="mt-2 text-slate-700">{refusals(`${refusal}.body`)}</p>
          <button type="button" onClick={reset} className={`mt-6 ${buttonClass('primary')}`}>
            {refusals('back')}
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
