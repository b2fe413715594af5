/**
 * The notification e-mails as text (S12, issue #13): every kind in every language says what
 * happened, when, from where and what to do, in that language only. The recipient's choice of
 * language and zone, read from the database, is tested in tests/integration/email-languages.test.ts.
 */
import { LOCALES } from '@/lib/i18n/locale';
import { renderNotification, type NotificationContext, type NotificationKind } from '@/lib/notifications/templates';

const KINDS: NotificationKind[] = [
  'code_replayed',
  'two_factor_enabled',
  'two_factor_disabled',
  'two_factor_reset',
  'two_factor_required',
  'recovery_code_used',
  'recovery_code_replayed',
  'recovery_codes_generated',
];
const AT = new Date('2026-11-29T07:14:00.000Z');
const context: Omit<NotificationContext, 'locale'> = {
  timeZone: 'Europe/Brussels',
  appName: 'Office Portal',
  helpdeskEmail: 'helpdesk@office.example',
  name: 'Anna Janssens',
  at: AT,
  ip: '198.51.100.7',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  deadline: new Date('2026-12-13T07:14:00.000Z'),
  codesLeft: 3,
};
const render = (kind: NotificationKind, locale: (typeof LOCALES)[number], more: Partial<typeof context> = {}) =>
  renderNotification(kind, { ...context, locale, ...more });

describe.each(LOCALES)('%s', (locale) => {
  it.each(KINDS)('%s: a subject of its own and a body with every fact', (kind) => {
    const { subject, body } = render(kind, locale);
    expect(subject.startsWith('Office Portal')).toBe(true);
    expect(body).toContain('Anna Janssens');
    expect(body).toContain('08:14 '); // 07:14 UTC in Brussels, in winter
    expect(body).toContain('198.51.100.7');
    expect(body).toContain('Safari');
    expect(body).toContain('macOS');
    expect(body).toContain('helpdesk@office.example');
    // A missing message would show its key; a missing argument its braces.
    expect(`${subject}\n${body}`).not.toMatch(/email\.|[{}]/);
  });

  it('gives every kind a different subject', () => {
    expect(new Set(KINDS.map((kind) => render(kind, locale).subject)).size).toBe(KINDS.length);
  });
});

it('writes nothing in English to a Dutch or French reader', () => {
  // Lines with words in them; the signature is the product's name, the same in every language.
  const english = new Set(KINDS.flatMap((kind) => render(kind, 'en').body.split('\n')).filter((line) => /[a-z]{3}/.test(line) && line !== '— Office Portal'));
  for (const locale of ['nl', 'fr'] as const) {
    for (const kind of KINDS) {
      const { subject, body } = render(kind, locale);
      expect(body.split('\n').filter((line) => english.has(line))).toEqual([]);
      expect(subject).not.toBe(render(kind, 'en').subject);
    }
  }
});

it('names the office’s deadline in the reader’s zone, with the zone', () => {
  expect(render('two_factor_required', 'en').body).toContain('Enable it before 13 Dec 2026, 08:14 CET: at the top right');
  expect(render('two_factor_required', 'nl', { timeZone: 'Asia/Tokyo' }).body).toContain('Schakel 2FA in vóór 13 dec 2026, 16:14 GMT+9:');
});

it('shows a browser it does not recognise as it was sent, and a missing address or browser as unknown', () => {
  expect(render('code_replayed', 'en', { userAgent: 'curl/8.5.0' }).body).toContain('\nBrowser: curl/8.5.0\n');
  expect(render('code_replayed', 'en', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0' }).body).toContain(
    '\nBrowser: Firefox on Linux\n',
  );
  const unknown = render('code_replayed', 'fr', { ip: null, userAgent: null }).body;
  expect(unknown).toContain('\nAdresse IP\u202f: inconnue\nNavigateur\u202f: inconnu\n');
});

it('counts the recovery codes left with plurals (English as before the translation)', () => {
  const sentence = (codesLeft: number) => render('recovery_code_used', 'en', { codesLeft }).body.match(/You have [^.]*\./)?.[0];
  expect([0, 1, 9].map(sentence)).toEqual([
    'You have no unused recovery codes.',
    'You have 1 unused recovery code left.',
    'You have 9 unused recovery codes left.',
  ]);
  const nl = (codesLeft: number) => render('recovery_code_used', 'nl', { codesLeft }).body.match(/Je hebt [^.]*\./)?.[0];
  expect([0, 1, 9].map(nl)).toEqual([
    'Je hebt geen ongebruikte herstelcodes meer.',
    'Je hebt nog 1 ongebruikte herstelcode.',
    'Je hebt nog 9 ongebruikte herstelcodes.',
  ]);
});
