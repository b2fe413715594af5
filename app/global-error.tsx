'use client';
import './globals.css';
import { Card } from '@/components/ui/card';

/**
 * Replaces the root layout when the root layout itself fails, and is the page the framework
 * renders for a 500 it could not give to app/error.tsx: the portal's words, not the framework's
 * ("This page couldn't load"). It has no layout of its own, so it brings <html> and the stylesheet.
 */
export default function GlobalError() {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-md px-4 py-16">
          <Card>
            <h1 className="text-xl font-semibold">Something went wrong on our side</h1>
            <p className="mt-2 text-slate-700">Please try again in a moment. If it keeps happening, contact the helpdesk.</p>
            {/* A plain link, not reset() or <Link>: this page may be all that loaded, without the app's scripts, so a full page load. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
              Go to the start page
            </a>
          </Card>
        </main>
      </body>
    </html>
  );
}
