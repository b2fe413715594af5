/**
 * Every audit event type reads as words in the audit log, its CSV and on Security activity, in
 * all three languages; and the identity checks a reset records have their labels too. The
 * compiler already refuses a type without an English label (lib/audit/events.ts) and a key
 * missing from nl or fr (lib/i18n/messages.ts): this is the same guarantee at run time, over
 * the catalogue files as shipped, and for what the types cannot say (no leftovers, no clashes).
 */
import { AUDIT_EVENT_TYPES, eventLabel, eventLabelName } from '@/lib/audit/events';
import { IDENTITY_CHECK_IDS } from '@/lib/helpdesk/identity-checks';
import { LOCALES } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/server';
import { argumentsOf, catalogues, parse } from '../helpers/catalogues';

const keysUnder = (prefix: string, locale: (typeof LOCALES)[number]) =>
  [...catalogues[locale].keys()].filter((key) => key.startsWith(`${prefix}.`)).map((key) => key.slice(prefix.length + 1));

describe('audit event labels', () => {
  it.each(LOCALES)('%s: every audit event type has a label, a plain text without arguments', (locale) => {
    const problems = AUDIT_EVENT_TYPES.flatMap((type) => {
      const text = catalogues[locale].get(`audit.events.${eventLabelName(type)}`);
      if (typeof text !== 'string' || text.trim() === '') return [`${type}: no label`];
      return argumentsOf(parse(text)).size > 0 ? [`${type}: takes arguments, but labels are shown without values`] : [];
    });
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('%s: no label is left over from a type that is gone', (locale) => {
    const names = new Set<string>(AUDIT_EVENT_TYPES.map(eventLabelName));
    expect(keysUnder('audit.events', locale).filter((name) => !names.has(name))).toEqual([]);
  });

  it('two types never share a label name (the "." → "_" mapping is one-to-one here)', () => {
    expect(new Set(AUDIT_EVENT_TYPES.map(eventLabelName)).size).toBe(AUDIT_EVENT_TYPES.length);
  });

  it('labels differ between types within each language, so the filter list has no two alike', () => {
    for (const locale of LOCALES) {
      const labels = AUDIT_EVENT_TYPES.map((type) => eventLabel(type, locale));
      expect([locale, new Set(labels).size]).toEqual([locale, AUDIT_EVENT_TYPES.length]);
    }
  });

  it('reads in the language asked for; English when none is', () => {
    expect(LOCALES.map((locale) => eventLabel('helpdesk.two_factor_reset', locale))).toEqual([
      '2FA gereset door de helpdesk',
      '2FA réinitialisée par le helpdesk',
      '2FA reset by the helpdesk',
    ]);
    expect(eventLabel('login.code_failed', 'en')).toBe('Wrong verification code');
  });

  it.each(['login.retired_type', 'toString', '__proto__', 'login', 'logout_other_sessions', ''])(
    'shows a stored type it does not know (%j) as stored',
    (type) => {
      for (const locale of LOCALES) expect(eventLabel(type, locale)).toBe(type);
    },
  );
});

describe('identity check labels', () => {
  it.each(LOCALES)('%s: every identity check has a label, and only those', (locale) => {
    const labelled = keysUnder('helpdesk.identityChecks', locale);
    expect([...labelled].sort()).toEqual([...IDENTITY_CHECK_IDS].sort());
  });
});

describe('the helpdesk’s counted messages read right at 1 and at more', () => {
  it.each([
    ['en', 'the limit of 1 helpdesk change per hour', 'the limit of 10 helpdesk changes per hour'],
    ['nl', 'de limiet van 1 helpdeskwijziging per uur', 'de limiet van 10 helpdeskwijzigingen per uur'],
    ['fr', 'la limite de 1 modification du helpdesk par heure', 'la limite de 10 modifications du helpdesk par heure'],
  ] as const)('%s: the agents’ hourly limit', (locale, one, ten) => {
    const t = translatorFor(locale, 'helpdesk.answers');
    expect(t('rateLimited', { count: 1 })).toContain(one);
    expect(t('rateLimited', { count: 10 })).toContain(ten);
  });

  it.each([
    ['en', 'Tick at least 1 identity check that passed.', 'Tick at least 2 identity checks that passed.'],
    ['nl', 'Vink minstens 1 geslaagde identiteitscontrole aan.', 'Vink minstens 2 geslaagde identiteitscontroles aan.'],
    ['fr', 'Cochez au moins 1 vérification d’identité réussie.', 'Cochez au moins 2 vérifications d’identité réussies.'],
  ] as const)('%s: the identity checks a reset needs', (locale, one, two) => {
    const t = translatorFor(locale, 'helpdesk.request');
    expect([t('checksTooFew', { checksMin: 1 }), t('checksTooFew', { checksMin: 2 })]).toEqual([one, two]);
  });
});
