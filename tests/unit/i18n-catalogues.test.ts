/**
 * The three catalogues (messages/{nl,fr,en}.json) say the same things: the same keys, every
 * message valid ICU with the same arguments used the same way, plurals that read right, and
 * the typography of each language (docs/i18n-glossary.md).
 */
import { createTranslator } from 'next-intl';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { CATALOGUES } from '@/lib/i18n/messages';
import { translatorFor } from '@/lib/i18n/server';
import { argumentsOf, catalogues, literalTexts, missingOther, parse, sampleValues, type MessageElement } from '../helpers/catalogues';

const reference = catalogues.en;
const OTHERS = LOCALES.filter((locale) => locale !== 'en');

function parsed(locale: Locale): Array<[string, MessageElement[]]> {
  return [...catalogues[locale]].map(([key, text]) => [key, parse(String(text))]);
}

describe('catalogue completeness', () => {
  it('holds messages for every screen area', () => {
    expect(reference.size).toBeGreaterThan(10);
  });

  it.each(OTHERS)('%s has every English key and no other', (locale) => {
    const keys = [...catalogues[locale].keys()];
    expect({ missing: [...reference.keys()].filter((key) => !catalogues[locale].has(key)), extra: keys.filter((key) => !reference.has(key)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LOCALES)('%s: every message is a non-empty string', (locale) => {
    const bad = [...catalogues[locale]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('%s: the keys are simple names (letters, digits, _; dots between levels)', (locale) => {
    expect([...catalogues[locale].keys()].filter((key) => !/^[a-z][A-Za-z0-9_]*(\.[a-z][A-Za-z0-9_]*)*$/.test(key))).toEqual([]);
  });
});

describe('ICU arguments', () => {
  it.each(LOCALES)('%s: every message parses as ICU MessageFormat', (locale) => {
    const failures = [...catalogues[locale]].flatMap(([key, text]) => {
      try {
        parse(String(text));
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it.each(OTHERS)('%s uses the same arguments, in the same way, as English in every message', (locale) => {
    const english = new Map(parsed('en'));
    const differences = parsed(locale).flatMap(([key, elements]) => {
      const mine = argumentsOf(elements);
      const theirs = argumentsOf(english.get(key) ?? []);
      const show = (args: Map<string, Set<string>>) =>
        [...args]
          .map(([name, kinds]) => `${name}:${[...kinds].sort().join('+')}`)
          .sort()
          .join(', ');
      return show(mine) === show(theirs) ? [] : [`${key}: ${locale} {${show(mine)}} vs en {${show(theirs)}}`];
    });
    expect(differences).toEqual([]);
  });

  it.each(LOCALES)('%s: every plural and select has its "other" case', (locale) => {
    expect(parsed(locale).flatMap(([key, elements]) => missingOther(elements).map((name) => `${key}: {${name}}`))).toEqual([]);
  });

  it.each(LOCALES)('%s: every message formats with sample values, without an error', (locale) => {
    const errors: string[] = [];
    const t = createTranslator({ locale, messages: CATALOGUES[locale], onError: (error) => errors.push(error.message) });
    for (const [key, elements] of parsed(locale)) {
      const values = sampleValues(elements);
      (t as unknown as { markup: (key: string, values: object) => string }).markup(key, values);
    }
    expect(errors).toEqual([]);
  });
});

describe('plural forms', () => {
  it.each([
    ['en', '1 attempt', '2 attempts', '0 attempts'],
    ['nl', '1 poging', '2 pogingen', '0 pogingen'],
    // French counts 0 and 1 as singular.
    ['fr', '1 tentative', '2 tentatives', '0 tentative'],
  ] as const)('%s: %s, %s, %s', (locale, one, two, zero) => {
    const t = translatorFor(locale, 'common');
    expect([t('attempts', { count: 1 }), t('attempts', { count: 2 }), t('attempts', { count: 0 })]).toEqual([one, two, zero]);
  });

  it('the same counts read naturally in a sentence-level message', () => {
    expect(LOCALES.map((locale) => translatorFor(locale, 'common')('attemptsLeft', { count: 1 }))).toEqual([
      'nog 1 poging',
      'encore 1 tentative',
      '1 attempt left',
    ]);
    expect(LOCALES.map((locale) => translatorFor(locale, 'common')('attemptsLeft', { count: 3 }))).toEqual([
      'nog 3 pogingen',
      'encore 3 tentatives',
      '3 attempts left',
    ]);
  });
});

describe('typography (docs/i18n-glossary.md)', () => {
  it.each(LOCALES)('%s: apostrophes are typographic (’): ICU reads an ASCII apostrophe as the start of quoted text', (locale) => {
    expect([...catalogues[locale]].filter(([, text]) => String(text).includes("'")).map(([key]) => key)).toEqual([]);
  });

  it('fr: a narrow no-break space (U+202F) before ; : ! ? and inside « »', () => {
    const bad = parsed('fr').flatMap(([key, elements]) =>
      literalTexts(elements).flatMap((text) => {
        const problems: string[] = [];
        for (const match of text.matchAll(/[;:!?»]/g)) {
          const index = match.index;
          const before = text[index - 1];
          if (match[0] === ':' && (/\d/.test(before ?? '') || text.startsWith('//', index + 1))) continue; // 08:14, https://
          if (index > 0 && before !== '\u202f') problems.push(`${key}: "${text.slice(Math.max(0, index - 12), index + 1)}" needs U+202F before ${match[0]}`);
        }
        for (const match of text.matchAll(/«/g)) {
          if (text[match.index + 1] !== '\u202f') problems.push(`${key}: U+202F after «`);
        }
        return problems;
      }),
    );
    expect(bad).toEqual([]);
  });

  it.each(['nl', 'en'] as const)('%s: no space before ; : ! ?', (locale) => {
    const bad = parsed(locale).flatMap(([key, elements]) => (literalTexts(elements).some((text) => /[ \u00a0\u202f][;:!?]/.test(text)) ? [key] : []));
    expect(bad).toEqual([]);
  });

  it('nl writes paswoord, the Belgian word, never wachtwoord', () => {
    expect([...catalogues.nl].filter(([, text]) => /wachtwoord/i.test(String(text))).map(([key]) => key)).toEqual([]);
  });
});
