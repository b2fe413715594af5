/**
 * The build precompiles the catalogues (next.config.ts, next-intl's messages.precompile): the
 * browser and the server then format with icu-minify's small formatter instead of parsing ICU
 * at run time. Jest formats the JSON as written, with intl-messageformat. This test formats
 * every message of every language both ways, with the same values and at a few counts, and
 * requires the same text, so what the tests check is what users read.
 */
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { LOCALES } from '@/lib/i18n/locale';
import { CATALOGUES, type Messages } from '@/lib/i18n/messages';
import { catalogues, parse, sampleValues } from '../helpers/catalogues';

type Translator = { markup: (key: string, values: object) => string };
type CreateTranslator = (config: { locale: string; messages: unknown; onError: (error: Error) => void }) => Translator;

const fromNextIntl = { paths: [path.dirname(require.resolve('next-intl'))] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compile: (message: string) => unknown = require(require.resolve('icu-minify/compile', fromNextIntl)).default;

function precompiled(node: unknown): unknown {
  if (typeof node === 'string') return compile(node);
  return Object.fromEntries(Object.entries(node as object).map(([key, value]) => [key, precompiled(value)]));
}

/** next-intl as the build wires it: use-intl/format-message replaced by its format-only variant. */
let createPrecompiledTranslator: CreateTranslator;
jest.isolateModules(() => {
  const formatOnly = require.resolve('use-intl/format-message/format-only', fromNextIntl);
  jest.doMock('use-intl/format-message', () => jest.requireActual(formatOnly));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  createPrecompiledTranslator = require('next-intl').createTranslator;
  jest.dontMock('use-intl/format-message');
});
/** next-intl as Jest and the rest of the tests load it: the full ICU formatter. */
const createRuntimeTranslator = createTranslator as unknown as CreateTranslator;

it('the two translators are really different code paths', () => {
  expect(createPrecompiledTranslator).not.toBe(createRuntimeTranslator);
  const t = createPrecompiledTranslator({ locale: 'en', messages: { x: 'Hello {name}' }, onError: () => {} });
  // format-only cannot parse: given an uncompiled message, it shows the ICU source.
  expect(t.markup('x', { name: 'Eva' })).toBe('Hello {name}');
  expect(createRuntimeTranslator({ locale: 'en', messages: { x: 'Hello {name}' }, onError: () => {} }).markup('x', { name: 'Eva' })).toBe('Hello Eva');
});

describe.each(LOCALES)('%s', (locale) => {
  const messages: Messages = CATALOGUES[locale];
  const errors: string[] = [];
  const runtime = createRuntimeTranslator({ locale, messages, onError: (error) => errors.push(error.message) });
  const built = createPrecompiledTranslator({ locale, messages: precompiled(messages), onError: (error) => errors.push(error.message) });

  it.each([...catalogues[locale].keys()])('%s reads the same precompiled', (key) => {
    const values = sampleValues(parse(String(catalogues[locale].get(key))));
    const counts = Object.values(values).some((value) => value === 2) ? [0, 1, 2, 21, 1000] : [2];
    for (const count of counts) {
      const withCount = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value === 2 ? count : value]));
      expect(built.markup(key, withCount)).toBe(runtime.markup(key, withCount));
    }
    expect(errors).toEqual([]);
  });
});
