/**
 * Reading the message catalogues in tests: every message as a flat key → text list, and the
 * ICU arguments each message takes, parsed with the same ICU parser next-intl formats with
 * (the copy use-intl depends on, whatever npm hoisted to the top of node_modules).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '@/lib/i18n/locale';

/** The part of @formatjs/icu-messageformat-parser's AST these checks read. */
export type MessageElement = {
  type: number;
  value: string;
  options: Record<string, { value: MessageElement[] }>;
  pluralType?: 'cardinal' | 'ordinal';
  children: MessageElement[];
};
type Parser = {
  parse(message: string, options?: { requiresOtherClause?: boolean }): MessageElement[];
  TYPE: Record<'literal' | 'argument' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'pound' | 'tag', number>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parser: Parser = require(require.resolve('@formatjs/icu-messageformat-parser', { paths: [path.dirname(require.resolve('use-intl'))] }));
export const { parse, TYPE } = parser;

const MESSAGES_DIR = path.join(process.cwd(), 'messages');

export function readCatalogue(locale: Locale): unknown {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, `${locale}.json`), 'utf8'));
}

/** Every leaf as [key, value]; a value that is not a string (an array, a number) is kept to be reported. */
export function flatten(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    return Object.entries(node).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, node]];
}

export const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, new Map(flatten(readCatalogue(locale)))])) as Record<
  Locale,
  Map<string, unknown>
>;

export type ArgumentKind = 'string' | 'number' | 'date' | 'time' | 'plural' | 'selectordinal' | 'select' | 'tag';

/** The arguments of a parsed message, by name, with how each is used (and the options of each select). */
export function argumentsOf(elements: MessageElement[], out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const add = (name: string, kind: string) => out.set(name, (out.get(name) ?? new Set()).add(kind));
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        add(element.value, 'string');
        break;
      case TYPE.number:
        add(element.value, 'number');
        break;
      case TYPE.date:
        add(element.value, 'date');
        break;
      case TYPE.time:
        add(element.value, 'time');
        break;
      case TYPE.plural:
        add(element.value, element.pluralType === 'ordinal' ? 'selectordinal' : 'plural');
        for (const option of Object.values(element.options)) argumentsOf(option.value, out);
        break;
      case TYPE.select:
        add(element.value, `select(${Object.keys(element.options).sort().join('|')})`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, out);
        break;
      case TYPE.tag:
        add(element.value, 'tag');
        argumentsOf(element.children, out);
        break;
      default:
        break;
    }
  }
  return out;
}

/** The text a message shows literally (outside {…} arguments), for typography checks. */
export function literalTexts(elements: MessageElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).flatMap((option) => literalTexts(option.value));
    if (element.type === TYPE.tag) return literalTexts(element.children);
    return [];
  });
}

/** Plural and select arguments lacking the `other` case ICU falls back on. */
export function missingOther(elements: MessageElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return [...(Object.hasOwn(element.options, 'other') ? [] : [element.value]), ...Object.values(element.options).flatMap((o) => missingOther(o.value))];
    }
    if (element.type === TYPE.tag) return missingOther(element.children);
    return [];
  });
}

/** Values to format a message with: a word for plain arguments, 2 for numbers and plurals, a date, "other" for selects, a pass-through for tags. */
export function sampleValues(elements: MessageElement[]): Record<string, unknown> {
  return Object.fromEntries(
    [...argumentsOf(elements)].map(([name, kinds]) => {
      const kind = [...kinds][0];
      if (kind === 'tag') return [name, (chunks: unknown) => `<${name}>${String(chunks)}</${name}>`];
      if (kind.startsWith('select(')) return [name, 'other'];
      if (kind === 'date' || kind === 'time') return [name, new Date(Date.UTC(2026, 10, 29, 7, 14))];
      if (kind === 'string') return [name, 'Eva'];
      return [name, 2];
    }),
  );
}
