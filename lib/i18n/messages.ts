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
 * NextIntlClientProvider (CLIENT_MESSAGES), never all three catalogues in its bundle.
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
  // A message, not an area: a string as written, or an array once next-intl has precompiled the
  // catalogues for a production build (Jest reads the JSON as written, so only the build sees arrays).
  return typeof node === 'string' || Array.isArray(node);
}

/**
 * What the browser receives for client components' useTranslations(), by the part of the
 * portal a page belongs to: the root layout sends `root` to every page (the error boundary and
 * the language switcher of the error pages), the (auth) and (app) layouts replace it with their
 * own part (NextIntlClientProvider does not merge: each part repeats what it needs of root).
 * Entries are areas ('login') or parts of one ('layout.languageSwitcher'): the login page does
 * not carry the helpdesk's forms, nor the portal the login's help text.
 * tests/unit/i18n-client-namespaces.test.ts finds every useTranslations() of a client
 * component and fails when its part does not send that namespace.
 */
export const CLIENT_MESSAGES = {
  root: ['errors', 'layout.languageSwitcher'],
  auth: [
    'errors',
    'layout.languageSwitcher',
    'login',
    'verify',
    'rememberBrowser.verify',
    'password.fields',
    'password.forgot',
    'password.reset',
    'securityKeys.login',
    'securityKeys.errors',
  ],
  app: [
    'errors',
    'layout.languageSwitcher',
    'common',
    'account',
    'enable2fa',
    'disable2fa',
    'recoveryCodes',
    'helpdesk',
    'office.requirement',
    'sessions.helpdesk',
    'rememberBrowser.office',
    'rememberBrowser.security',
    'password.fields',
    'password.change',
    'officeAlerts.form',
    'reminders.office',
    'stepUp',
    'securityKeys.manage',
    'securityKeys.remove',
    'securityKeys.login',
    'securityKeys.errors',
  ],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientPart = keyof typeof CLIENT_MESSAGES;

/** The messages of one part of the portal in `locale`, nested as in the catalogue. */
export function clientMessages(locale: Locale, part: ClientPart): Partial<Messages> {
  const picked: Record<string, unknown> = {};
  for (const namespace of CLIENT_MESSAGES[part]) {
    const [area, ...rest] = namespace.split('.');
    let source: unknown = CATALOGUES[locale][area as keyof Messages];
    let target = picked;
    let key = area;
    for (const step of rest) {
      target = (target[key] ??= {}) as Record<string, unknown>;
      source = (source as Record<string, unknown>)[step];
      key = step;
    }
    target[key] = source;
  }
  return picked as Partial<Messages>;
}
