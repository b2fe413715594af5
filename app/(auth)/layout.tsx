import { NextIntlClientProvider } from 'next-intl';
import { productConfig } from '@/lib/env';
import { getRequestLocale } from '@/lib/i18n/server';
import { clientMessages } from '@/lib/i18n/messages';
import { LanguageSwitcher } from '@/components/i18n/language-switcher';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <NextIntlClientProvider messages={clientMessages(locale, 'auth')}>
      <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
        <LanguageSwitcher className="mb-4 flex w-full max-w-md justify-end" />
        <p className="mb-6 text-lg font-semibold tracking-tight text-brand-800">{productConfig().APP_NAME}</p>
        <div className="w-full max-w-md">{children}</div>
      </main>
    </NextIntlClientProvider>
  );
}
