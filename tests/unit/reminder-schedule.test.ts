import { DAY_MS } from '@/lib/offices/two-factor-deadline';
import { deadlineKnownSince, dueReminderKind } from '@/lib/reminders/reminder-schedule';

const t0 = new Date('2030-03-01T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS);
const HOUR = 1 / 24;

describe('which deadline reminder is due (S21)', () => {
  const deadline = at(14);
  const kindAt = (days: number, knownSince = t0) => dueReminderKind({ deadline, knownSince, now: at(days) });

  it('none before the week before, then 7 days, 1 day and the day itself, each in its turn', () => {
    expect([kindAt(0), kindAt(6.9), kindAt(7), kindAt(12.9), kindAt(13), kindAt(13.99), kindAt(14), kindAt(14.99)]).toEqual([
      null,
      null,
      'seven_days',
      'seven_days',
      'one_day',
      'one_day',
      'due',
      'due',
    ]);
  });

  it('nothing about a deadline more than a day past (the sign-in asks for 2FA by then)', () => {
    expect(kindAt(15)).toBeNull();
    expect(kindAt(60)).toBeNull();
  });

  it('a deadline set 3 days ahead: no 7-day mail (the requirement mail just said it), then 1 day and the day', () => {
    const soon = at(3);
    const kind = (days: number) => dueReminderKind({ deadline: soon, knownSince: t0, now: at(days) });
    expect([kind(0), kind(HOUR), kind(1.9), kind(2), kind(3)]).toEqual([null, null, null, 'one_day', 'due']);
  });

  it('a grace period of 0 (at next sign-in) or a helpdesk reset ("enable it now"): no reminder on top of that mail', () => {
    expect(dueReminderKind({ deadline: t0, knownSince: t0, now: at(HOUR) })).toBeNull();
    const office = { twoFactorRequired: true, twoFactorGraceDays: 30, twoFactorRequiredAt: at(-20), twoFactorDeadline: at(10) };
    const reset = { officeJoinedAt: at(-100), twoFactorDueBy: t0 };
    expect(deadlineKnownSince(office, reset, t0)).toEqual(t0);
    expect(dueReminderKind({ deadline: t0, knownSince: deadlineKnownSince(office, reset, t0), now: at(HOUR) })).toBeNull();
  });

  it('a user who joined after the requirement knows it from joining', () => {
    const office = { twoFactorRequired: true, twoFactorGraceDays: 14, twoFactorRequiredAt: at(-30), twoFactorDeadline: at(-16) };
    expect(deadlineKnownSince(office, { officeJoinedAt: t0, twoFactorDueBy: null }, at(14))).toEqual(t0);
  });
});
