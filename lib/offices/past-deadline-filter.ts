import type { Prisma } from '@/lib/generated/sqlite/client';
import { TWO_FACTOR_OFF } from '@/lib/two-factor/two-factor-state';
import { DAY_MS, type OfficeRequirement } from './two-factor-deadline';

/** Matches no user: an office that does not require 2FA has no one past a deadline. */
const NOBODY = { id: { in: [] } } satisfies Prisma.UserWhereInput;

/**
 * userTwoFactorDeadline(office, user) <= now, as a query over one office's users without 2FA, so
 * the "past the deadline" filter counts and pages in the database and agrees with each row's state.
 * The user's deadline is min(dueBy, D), where D is the office deadline, or, for a user who joined
 * after the requirement started, the later of it and joinedAt + grace. So it has passed when
 *   dueBy <= now, or
 *   officeDeadline <= now and (joinedAt <= requiredAt or joinedAt + grace <= now),
 * and the office's values are constants here: joinedAt <= max(requiredAt, now - grace).
 */
export function pastDeadlineWhere(office: OfficeRequirement, now: Date): Prisma.UserWhereInput {
  if (!office.twoFactorRequired || !office.twoFactorDeadline) return NOBODY;
  // Without a start, no one has grace from joining: everyone's deadline is the office's. (Not an
  // empty {} in the OR below: Prisma drops it rather than matching every row.)
  if (office.twoFactorDeadline <= now && !office.twoFactorRequiredAt) return TWO_FACTOR_OFF;
  const either: Prisma.UserWhereInput[] = [{ twoFactorDueBy: { lte: now } }];
  if (office.twoFactorDeadline <= now && office.twoFactorRequiredAt) {
    const graceStart = new Date(now.getTime() - office.twoFactorGraceDays * DAY_MS);
    const latestJoin = office.twoFactorRequiredAt > graceStart ? office.twoFactorRequiredAt : graceStart;
    either.push({ officeJoinedAt: { lte: latestJoin } });
  }
  return { AND: [TWO_FACTOR_OFF, { OR: either }] };
}
