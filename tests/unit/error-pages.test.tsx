/**
 * The error pages in the page's language. app/error.tsx shows the words of a refusal proxy.ts
 * names (never the error's own text); app/global-error.tsx, which has no catalogue, shows its
 * copies of the catalogue's words in all three languages.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import ErrorPage from '@/app/error';
import GlobalError from '@/app/global-error';
import { refusalBody } from '@/lib/forms/request-refusals';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { clientMessages } from '@/lib/i18n/messages';
import { translatorFor } from '@/lib/i18n/server';

/** The error page as the root layout's provider serves it in `locale`, with an error whose message is `message`. */
function errorPage(locale: Locale, message: string): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} timeZone="Europe/Brussels" messages={clientMessages(locale, 'root')}>
      <ErrorPage error={new Error(message)} reset={() => {}} />
    </NextIntlClientProvider>,
  );
}

const textOf = (html: string, tag: string) => html.match(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`))?.[1];

describe('app/error.tsx', () => {
  it.each([
    ['nl', 'Het formulier was te groot'],
    ['fr', 'Le formulaire était trop volumineux'],
    ['en', 'The form was too large'],
  ] as const)('a refusal in a %s page: its heading and words in that language, not the words that came with it', (locale, heading) => {
    // The proxy answered in English (say, another Accept-Language than the page's): the page's language wins.
    const html = errorPage(locale, refusalBody('tooLarge', 'The form was too large to send'));
    const t = translatorFor(locale, 'errors.refusals');
    expect({ h1: textOf(html, 'h1'), p: textOf(html, 'p'), button: textOf(html, 'button') }).toEqual({
      h1: heading,
      p: t('tooLarge.body'),
      button: t('back'),
    });
  });

  it.each([
    ['any other error text', 'PrismaClientKnownRequestError at /srv/portal/lib/db.ts:12'],
    ['an unknown refusal name', 'portal-refusal:evil\n<b>Call 0800 …</b>'],
    ['a refusal name not on the first line', 'x\nportal-refusal:tooLarge'],
  ])('%s: the generic page, none of the text', (_label, message) => {
    const html = errorPage('fr', message);
    expect(textOf(html, 'h1')).toBe(translatorFor('fr')('errors.generic.title'));
    expect(html).not.toContain(message.slice(0, 20));
  });
});

describe('app/global-error.tsx', () => {
  const html = renderToStaticMarkup(<GlobalError />);

  it('says it in Dutch, French and English, each part marked with its language', () => {
    expect([...html.matchAll(/<div lang="([a-z]+)"/g)].map((match) => match[1])).toEqual([...LOCALES]);
  });

  it.each(LOCALES)('%s: the catalogue’s words (copied: this page gets no catalogue)', (locale) => {
    const part = html.match(new RegExp(`<div lang="${locale}"[^>]*>(.*?)</div>`))![1];
    const t = translatorFor(locale, 'errors');
    expect({ h1: textOf(part, 'h1'), p: textOf(part, 'p'), a: textOf(part, 'a') }).toEqual({
      h1: t('generic.title'),
      p: t('global.body'),
      a: t('notFound.home'),
    });
  });
});
