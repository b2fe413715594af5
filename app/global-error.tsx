'use client';
import './globals.css';
import { Card } from '@/components/ui/card';

/**
 * The words, in all three languages at once (Dutch, French, English: the switcher's order),
 * each marked with its language for screen readers. This page replaces the root layout, so it
 * has no NextIntlClientProvider and no catalogue, and nothing tells it the visitor's language:
 * on the server it is rendered without the request (a client component), and in the browser
 * the switcher's cookie is HttpOnly. Importing messages/*.json here would put all three
 * catalogues, whole, into the JavaScript of every page (the framework loads this component
 * with each one). So three short texts are copied here, and tests/unit/error-pages.test.tsx
 * checks they are the catalogue's words (errors.generic.title, errors.global.body,
 * errors.notFound.home): a change in a catalogue fails it until the copy follows.
 */
// i18n-exempt: copies of catalogue messages (no catalogue reaches this page), checked against them by tests/unit/error-pages.test.tsx
const TEXTS = [
  {
    lang: 'nl',
    title: 'Er ging bij ons iets mis',
    body: 'Probeer het over enkele ogenblikken opnieuw. Blijft het gebeuren, neem dan contact op met de helpdesk.',
    home: 'Naar de startpagina',
  },
  {
    lang: 'fr',
    title: 'Un problème est survenu de notre côté',
    body: 'Veuillez réessayer dans un instant. Si le problème persiste, contactez le helpdesk.',
    home: 'Aller à la page d’accueil',
  },
  {
    lang: 'en',
    title: 'Something went wrong on our side',
    body: 'Please try again in a moment. If it keeps happening, contact the helpdesk.',
    home: 'Go to the start page',
  },
] as const;

/**
 * Replaces the root layout when the root layout itself fails, and is the page the framework
 * renders for a 500 it could not give to app/error.tsx: the portal's words, not the framework's
 * ("This page couldn't load"). It has no layout of its own, so it brings <html> and the stylesheet.
 */
export default function GlobalError() {
  return (
    <html lang={TEXTS[0].lang}>
      <body className="min-h-screen font-sans">
        <main className="mx-auto max-w-md px-4 py-16">
          <Card>
            {TEXTS.map(({ lang, title, body, home }, index) => (
              <div key={lang} lang={lang} className={index > 0 ? 'mt-6 border-t border-slate-200 pt-6' : undefined}>
                <h1 className="text-xl font-semibold">{title}</h1>
                <p className="mt-2 text-slate-700">{body}</p>
                {/* A plain link, not reset() or <Link>: this page may be all that loaded, without the app's scripts, so a full page load. */}
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
                <a href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">
                  {home}
                </a>
              </div>
            ))}
          </Card>
        </main>
      </body>
    </html>
  );
}
