import 'server-only';
import type { MessageKeys, NamespaceKeys, NestedKeyOf } from 'next-intl';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import nl from '@/messages/nl.json';
import type { Locale } from './locale';

/**
 * The three catalogues, one top-level key per screen or area (docs/decisions/0012-languages.md).
 * English is the reference shape: typing the others as `Messages` makes a key missing from
 * nl or fr a type error, and tests/unit/i18n-catalogues.test.ts also refuses extra keys and
 * differing ICU arguments. Server-only: a client component gets its messages from
 * NextIntlClientProvider (CLIENT_NAMESPACES), never all three catalogues in its bundle.
 */
export type Messages = typeof en;
export const CATALOGUES: Record<Locale, Messages> = { nl, fr, en };

/** Every message's full key, e.g. 'login.title' or 'common.attemptsLeft'. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
/** A key that holds messages rather than one, e.g. 'login' or 'errors.generic'. */
export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

export type MessageValues = Record<string, string | number | Date>;

/**
 * What lib functions and schemas hand to the code that talks to the user: a key, or a key with
 * its ICU arguments. The action (or page, or e-mail) turns it into text in the reader's
 * language with translateMessage() (lib/i18n/server.ts).
 */
export type Message = MessageKey | { key: MessageKey; values: MessageValues };

/**
 * A checked key where only a string is accepted, e.g. a zod message:
 * `z.string().min(1, messageKey('login.emailRequired'))`; translateFieldErrors() turns it into text.
 */
export const messageKey = <K extends MessageKey>(key: K): K => key;

export function isMessageKey(value: string): value is MessageKey {
  let node: unknown = CATALOGUES.en;
  for (const part of value.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/**
 * The top-level areas client components read with useTranslations(): only these are sent to
 * the browser (in each page's HTML, by the root layout), not whole catalogues. A client
 * component using another area fails tests/unit/i18n-client-namespaces.test.ts: add it here.
 */
export const CLIENT_NAMESPACES = ['common', 'layout', 'errors', 'password'] as const satisfies ReadonlyArray<keyof Messages>;

export function clientMessages(locale: Locale): Partial<Messages> {
  const catalogue = CATALOGUES[locale];
  return Object.fromEntries(CLIENT_NAMESPACES.map((area) => [area, catalogue[area]]));
}
