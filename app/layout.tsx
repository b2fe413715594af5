import type { Metadata } from 'next';
import localFont from 'next/font/local';
import { NextIntlClientProvider } from 'next-intl';
import { productConfig } from '@/lib/env';
import { getRequestLanguage } from '@/lib/i18n/server';
import { clientMessages } from '@/lib/i18n/messages';
import './globals.css';

// Bundled from @fontsource-variable/inter: no request to a font service at build or run time.
const inter = localFont({ src: './fonts/inter-latin.woff2', variable: '--font-inter', display: 'swap' });

export function generateMetadata(): Metadata {
  const { APP_NAME } = productConfig();
  return { title: { default: APP_NAME, template: `%s · ${APP_NAME}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, timeZone } = await getRequestLanguage();
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-screen font-sans">
        {/* Client components get their language, time zone and only the messages they use (CLIENT_MESSAGES; (auth) and (app) send their own). */}
        <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={clientMessages(locale, 'root')}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
