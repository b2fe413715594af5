import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';
import { getTranslator } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getTranslator('errors.notFound');
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <LanguageSwitcher className="mb-4 flex justify-end" />
      <Card>
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('body')}</p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
          {t('home')}
        </Link>
      </Card>
    </main>
  );
}
