/**
 * When a user without 2FA is reminded of their deadline (S21; pure, unit-tested with a fake clock).
 * Three moments: 7 days before, 1 day before, and the deadline itself. The rules a user expects:
 * - at any time only the most relevant reminder is due: a deadline set 3 days ahead gets the 1-day
 *   and the deadline reminders, never a burst of three mails at once;
 * - a moment that is not after the user was told of the deadline (the office's requirement e-mail,
 *   a helpdesk reset that says "enable it now") gets no reminder: they have just read it;
 * - a deadline more than DUE_REMINDER_WINDOW_MS past gets nothing: the sign-in asks for 2FA by
 *   then, and a mail about an old deadline (a schedule that was off for a week) would only confuse.
 */
import { DAY_MS, type OfficeRequirement, type UserRequirementFacts } from '@/lib/offices/two-factor-deadline';

export const REMINDER_KINDS = ['seven_days', 'one_day', 'due'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long before the deadline each reminder is due (GitHub and Google Workspace remind a week and a day ahead). */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { seven_days: 7 * DAY_MS, one_day: DAY_MS, due: 0 };

/** "On the day it passes": the deadline reminder goes out within a day of the deadline, or not at all. */
export const DUE_REMINDER_WINDOW_MS = DAY_MS;

/** The reminder due now for this deadline, or null. The latest moment reached wins. */
export function dueReminderKind({ deadline, knownSince, now }: { deadline: Date; knownSince: Date; now: Date }): ReminderKind | null {
  if (now.getTime() >= deadline.getTime() + DUE_REMINDER_WINDOW_MS) return null;
  for (const kind of [...REMINDER_KINDS].reverse()) {
    const moment = deadline.getTime() - REMINDER_LEAD_MS[kind];
    if (moment <= now.getTime()) return moment > knownSince.getTime() ? kind : null;
  }
  return null;
}

/**
 * Since when the user knows this deadline: the requirement (or their joining the office, which
 * starts their own grace) and, when the deadline is their own after a helpdesk reset, that reset.
 */
export function deadlineKnownSince(office: OfficeRequirement, user: UserRequirementFacts, deadline: Date): Date {
  let since = user.officeJoinedAt.getTime();
  if (office.twoFactorRequiredAt && office.twoFactorRequiredAt.getTime() > since) since = office.twoFactorRequiredAt.getTime();
  if (user.twoFactorDueBy && user.twoFactorDueBy.getTime() === deadline.getTime() && user.twoFactorDueBy.getTime() > since) {
    since = user.twoFactorDueBy.getTime();
  }
  return new Date(since);
}
