import type { Metadata } from 'next';
import localFont from 'next/font/local';
import { productConfig } from '@/lib/env';
import './globals.css';

// Bundled from @fontsource-variable/inter: no request to a font service at build or run time.
const inter = localFont({ src: './fonts/inter-latin.woff2', variable: '--font-inter', display: 'swap' });

export function generateMetadata(): Metadata {
  const { APP_NAME } = productConfig();
  return { title: { default: APP_NAME, template: `%s · ${APP_NAME}` } };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
