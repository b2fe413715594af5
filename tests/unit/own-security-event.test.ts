import { eventLabel } from '@/lib/audit/events';
import { toOwnSecurityEvent, type OwnSecurityEvent } from '@/lib/audit/own-security-event';
import type { AuditEventView } from '@/lib/audit/query-audit-events';
import { browserParts, type BrowserParts } from '@/lib/sessions/describe-user-agent';
import type { Locale } from '@/lib/i18n/locale';
import { translateMessage, translatorFor } from '@/lib/i18n/server';

const USER = 'user-1';
const agent = { id: 'agent-9', name: 'Hanne Helpdesk', email: 'hanne@portal.example' };
const subject = { id: USER, name: 'Anna de Vries', email: 'anna@vandijk.example' };

function view(overrides: Partial<AuditEventView>): AuditEventView {
  return {
    id: 1,
    createdAt: new Date('2026-11-28T10:00:00Z'),
    type: 'login.completed',
    outcome: 'SUCCESS',
    factor: 'totp',
    actor: null,
    subject,
    officeName: 'Van Dijk & Partners Accountants',
    ip: '198.51.100.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    details: {},
    ...overrides,
  };
}

/** How Security activity words a browser and a note (components/security/security-activity-table.tsx). */
function browserText(parts: BrowserParts | null, locale: Locale = 'en'): string | null {
  if (!parts) return null;
  return parts.system ? translatorFor(locale, 'security.events')('browserOnSystem', { browser: parts.browser, system: parts.system }) : parts.browser;
}
const noteText = (event: OwnSecurityEvent, locale: Locale = 'en') => event.note && translateMessage(locale, event.note);

describe('the user’s view of their own security events', () => {
  it('shows a sign-in with its time, address and browser', () => {
    expect(toOwnSecurityEvent(view({}), USER)).toEqual({
      id: 1,
      createdAt: new Date('2026-11-28T10:00:00Z'),
      type: 'login.completed',
      outcome: 'SUCCESS',
      by: 'you',
      ip: '198.51.100.7',
      browser: { browser: 'Chrome', system: 'Linux' },
      note: null,
    });
    expect(browserText(toOwnSecurityEvent(view({}), USER).browser)).toBe('Chrome on Linux');
  });

  it('says the helpdesk reset 2FA, and nothing of the agent, the ticket or the reason', () => {
    const event = view({
      type: 'helpdesk.two_factor_reset',
      actor: agent,
      ip: '203.0.113.99',
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0',
      details: { checks: ['callback_phone_on_file'], ticket: 'HD-2041', reason: 'Lost phone; agent Hanne called back' },
    });
    const shown = toOwnSecurityEvent(event, USER);
    expect(shown).toMatchObject({ type: 'helpdesk.two_factor_reset', by: 'helpdesk', ip: null, browser: null });
    expect(noteText(shown)).toBe('At your request, after the helpdesk confirmed your identity');
    const text = JSON.stringify(shown);
    for (const hidden of ['Hanne', 'hanne@', 'agent-9', '203.0.113.99', 'Firefox', 'HD-2041', 'callback']) expect(text).not.toContain(hidden);
  });

  it('notes how many recovery codes were left, and how many sessions ended', () => {
    const codesLeft = (n: number) => toOwnSecurityEvent(view({ type: 'login.recovery_code_used', details: { codesLeft: n } }), USER);
    expect(noteText(codesLeft(1))).toBe('1 recovery code left');
    expect(noteText(codesLeft(0))).toBe('0 recovery codes left');
    expect(noteText(toOwnSecurityEvent(view({ type: 'logout.other_sessions', actor: subject, details: { sessionsEnded: 3 } }), USER))).toBe(
      '3 other sessions ended',
    );
    expect(noteText(toOwnSecurityEvent(view({ type: 'login.code_failed', outcome: 'DENIED', details: { reason: 'locked' } }), USER))).toBe(
      'Refused: logging in was paused',
    );
    expect(noteText(toOwnSecurityEvent(view({ type: 'login.password_locked', outcome: 'DENIED' }), USER))).toBe('Paused for 15 minutes');
  });

  it('says the same in Dutch and French, with their plurals (French counts 0 as one)', () => {
    const codesLeft = (n: number) => toOwnSecurityEvent(view({ type: 'login.recovery_code_used', details: { codesLeft: n } }), USER);
    expect([0, 1, 2].map((n) => noteText(codesLeft(n), 'nl'))).toEqual(['0 herstelcodes over', '1 herstelcode over', '2 herstelcodes over']);
    expect([0, 1, 2].map((n) => noteText(codesLeft(n), 'fr'))).toEqual([
      '0 code de récupération restant',
      '1 code de récupération restant',
      '2 codes de récupération restants',
    ]);
    const locked = toOwnSecurityEvent(view({ type: 'login.code_locked', outcome: 'DENIED' }), USER);
    expect([noteText(locked, 'nl'), noteText(locked, 'fr')]).toEqual(['15 minuten gepauzeerd', 'Suspendu pendant 15 minutes']);
    expect(['nl', 'fr'].map((locale) => browserText(toOwnSecurityEvent(view({}), USER).browser, locale as Locale))).toEqual([
      'Chrome op Linux',
      'Chrome sous Linux',
    ]);
  });

  it('keeps the stored type, and the audit log’s label shows a type this version does not know as stored', () => {
    expect(toOwnSecurityEvent(view({ type: 'login.recovery_code_used' }), USER).type).toBe('login.recovery_code_used');
    expect(eventLabel('login.recovery_code_used', 'en')).toBe('Recovery code used');
    expect(eventLabel('login.retired_type', 'en')).toBe('login.retired_type');
    expect(eventLabel('toString', 'en')).toBe('toString');
  });
});

describe('browserParts', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Mobile Safari on iOS',
    ],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome on iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Ubuntu'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0', 'Opera on Windows'],
    ['curl/8.5.0', 'curl/8.5.0'],
  ])('names %s as %s', (userAgent, name) => {
    expect(browserText(browserParts(userAgent))).toBe(name);
  });

  it('shortens what it does not know, and has nothing to say without a header', () => {
    expect(browserParts('x'.repeat(300))).toEqual({ browser: `${'x'.repeat(59)}…`, system: null });
    expect(browserParts(null)).toBeNull();
    expect(browserParts('   ')).toBeNull();
  });
});
