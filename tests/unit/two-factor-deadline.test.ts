import { DAY_MS, nextOfficeDeadline, userTwoFactorDeadline, type OfficeRequirement } from '@/lib/offices/two-factor-deadline';

const t0 = new Date('2026-11-01T09:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * DAY_MS);
const office = (over: Partial<OfficeRequirement> = {}): OfficeRequirement => ({
  twoFactorRequired: true,
  twoFactorGraceDays: 14,
  twoFactorRequiredAt: t0,
  twoFactorDeadline: days(14),
  ...over,
});
const member = (joined: Date, dueBy: Date | null = null) => ({ officeJoinedAt: joined, twoFactorDueBy: dueBy });

describe('the office deadline', () => {
  it('is now plus the grace period when first turned on', () => {
    expect(nextOfficeDeadline(null, 14, t0)).toEqual(days(14));
  });

  it('is now with a grace period of 0 (at next sign-in)', () => {
    expect(nextOfficeDeadline(null, 0, t0)).toEqual(t0);
  });

  it('is never extended by turning the requirement off and on again', () => {
    // On at t0 with 14 days, off at day 3, on again at day 5 with 14 days: still day 14.
    expect(nextOfficeDeadline(days(14), 14, days(5))).toEqual(days(14));
  });

  it('takes a shorter grace period at once', () => {
    expect(nextOfficeDeadline(days(14), 2, days(5))).toEqual(days(7));
  });

  it('does not take a longer grace period', () => {
    expect(nextOfficeDeadline(days(14), 60, days(5))).toEqual(days(14));
  });

  it('stays passed when re-enabled after its deadline', () => {
    expect(nextOfficeDeadline(days(14), 14, days(40))).toEqual(days(14));
  });
});

describe("a user's deadline", () => {
  it('is none when the office does not require 2FA, or the user has no office', () => {
    expect(userTwoFactorDeadline(office({ twoFactorRequired: false }), member(t0))).toBeNull();
    expect(userTwoFactorDeadline(null, member(t0))).toBeNull();
  });

  it("is the office's for users who were there when it started", () => {
    expect(userTwoFactorDeadline(office(), member(days(-100)))).toEqual(days(14));
  });

  it('starts at joining for a user who joined (created or moved in) after the requirement started', () => {
    expect(userTwoFactorDeadline(office(), member(days(10)))).toEqual(days(24));
  });

  it('is at once for a newcomer with a grace period of 0', () => {
    expect(userTwoFactorDeadline(office({ twoFactorGraceDays: 0, twoFactorDeadline: t0 }), member(days(3)))).toEqual(days(3));
  });

  it("is capped by the user's own deadline (a helpdesk reset under the requirement)", () => {
    expect(userTwoFactorDeadline(office(), member(days(-100), days(2)))).toEqual(days(2));
  });
});
