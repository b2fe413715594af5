'use client';
import { useLocale, useTranslations } from 'next-intl';
import { chooseLanguage } from '@/app/(auth)/language/actions';
import { LOCALE_LABELS, LOCALES } from '@/lib/i18n/locale';

/**
 * NL · FR · EN: each a submit button of one small form, so it works without JavaScript.
 * Each choice carries its own lang, so a screen reader says "Nederlands" in Dutch and
 * "Français" in French; the language in use is marked with aria-current.
 */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const current = useLocale();
  const t = useTranslations('layout.languageSwitcher');
  return (
    <nav aria-label={t('label')} className={className}>
      <form action={chooseLanguage}>
        <ul className="flex items-center text-sm">
          {LOCALES.map((locale, index) => (
            <li key={locale} className="flex items-center">
              {index > 0 && (
                <span aria-hidden="true" className="px-1 text-slate-400">
                  ·
                </span>
              )}
              <button
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-current={locale === current ? 'true' : undefined}
                className={`rounded px-1.5 py-1 focus-visible:outline-2 focus-visible:outline-brand-600 ${
                  locale === current ? 'font-semibold text-slate-900' : 'text-brand-700 underline hover:text-brand-800'
                }`}
              >
                {LOCALE_LABELS[locale].short}
                <span className="sr-only"> {LOCALE_LABELS[locale].name}</span>
              </button>
            </li>
          ))}
        </ul>
      </form>
    </nav>
  );
}
