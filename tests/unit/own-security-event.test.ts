import { eventLabel } from '@/lib/audit/events';
import { toOwnSecurityEvent } from '@/lib/audit/own-security-event';
import type { AuditEventView } from '@/lib/audit/query-audit-events';
import { describeBrowser } from '@/lib/format';

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
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
    details: {},
    ...overrides,
  };
}

describe('the user’s view of their own security events', () => {
  it('shows a sign-in with its time, address and browser', () => {
    expect(toOwnSecurityEvent(view({}), USER)).toEqual({
      id: 1,
      createdAt: new Date('2026-11-28T10:00:00Z'),
      label: 'Signed in',
      outcome: 'SUCCESS',
      by: 'you',
      ip: '198.51.100.7',
      browser: 'Chrome on Linux',
      note: null,
    });
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
    expect(shown).toMatchObject({ label: '2FA reset by the helpdesk', by: 'helpdesk', ip: null, browser: null });
    const text = JSON.stringify(shown);
    for (const hidden of ['Hanne', 'hanne@', 'agent-9', '203.0.113.99', 'Firefox', 'HD-2041', 'callback']) expect(text).not.toContain(hidden);
  });

  it('notes how many recovery codes were left, and how many sessions ended', () => {
    expect(toOwnSecurityEvent(view({ type: 'login.recovery_code_used', details: { codesLeft: 1 } }), USER).note).toBe('1 recovery code left');
    expect(toOwnSecurityEvent(view({ type: 'login.recovery_code_used', details: { codesLeft: 0 } }), USER).note).toBe('0 recovery codes left');
    expect(toOwnSecurityEvent(view({ type: 'logout.other_sessions', actor: subject, details: { sessionsEnded: 3 } }), USER).note).toBe(
      '3 other sessions ended',
    );
    expect(toOwnSecurityEvent(view({ type: 'login.code_failed', outcome: 'DENIED', details: { reason: 'locked' } }), USER).note).toBe(
      'Refused: logging in was paused',
    );
  });

  it('labels each type in words, and shows a stored type this version does not know as stored', () => {
    expect(toOwnSecurityEvent(view({ type: 'login.recovery_code_used' }), USER).label).toBe('Recovery code used');
    expect(eventLabel('login.retired_type')).toBe('login.retired_type');
    expect(eventLabel('toString')).toBe('toString');
  });
});

describe('describeBrowser', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge on Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari on macOS'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari on iOS',
    ],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome on iOS'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome on Android'],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0', 'Opera on Windows'],
    ['curl/8.5.0', 'curl/8.5.0'],
  ])('names %s as %s', (userAgent, name) => {
    expect(describeBrowser(userAgent)).toBe(name);
  });

  it('shortens what it does not know, and has nothing to say without a header', () => {
    expect(describeBrowser('x'.repeat(300))).toBe(`${'x'.repeat(59)}…`);
    expect(describeBrowser(null)).toBeNull();
    expect(describeBrowser('   ')).toBeNull();
  });
});
